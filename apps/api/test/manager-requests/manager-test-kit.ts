import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTestPki, signWithCard, certificateB64, writeTestPki, type TestPki } from '@portal/card-sim';
import type { CardChallenge } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import type { TestSession } from '../helpers/auth.js';

/**
 * A test app whose card trust store trusts a fresh test PKI of tools/card-sim, generated into a
 * temporary folder and enabled the only way it can be: CARD_TRUST_TEST_CA=true.
 */
export async function createCardTestApp(
  institutions: readonly { code: string; name: string }[] = [],
): Promise<{ ctx: TestContext; pki: TestPki; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'portal-card-pki-'));
  const pki = await generateTestPki({ pin: '135790', institutions });
  await writeTestPki(pki, dir);
  const ctx = await createTestApp({
    demoInstitutions: 0,
    env: { CARD_TRUST_TEST_CA: 'true', CARD_TEST_PKI_DIR: dir, PUBLIC_ORIGIN: 'http://localhost:3000' },
  });
  return {
    ctx,
    pki,
    async close() {
      await ctx.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What the HiPKI adapter posts back after the card signed `challenge.toBeSigned`. */
export async function signChallenge(pki: TestPki, cardId: string, challenge: CardChallenge, tbs = challenge.toBeSigned) {
  const card = pki.cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`no test card ${cardId}`);
  const signature = await signWithCard(card, new Uint8Array(Buffer.from(tbs, 'utf8')));
  return {
    challengeId: challenge.challengeId,
    nonce: challenge.nonce,
    certificate: certificateB64(card.certificate),
    signature: signature.toString('base64'),
  };
}

export function multipartBody(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----portal${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND): the type check reads the chunks, not just the signature. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const PDF_BYTES = Buffer.from('%PDF-1.7\n% stamped scan\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)]);

export async function upload(
  ctx: TestContext,
  url: string,
  session: TestSession | null,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Buffer },
  remoteAddress?: string,
) {
  const body = multipartBody(fields, file);
  return ctx.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...(session ? session.headers(url) : {}) }, ...(remoteAddress && { remoteAddress }) });
}

export async function mailsTo(ctx: TestContext, to: string) {
  return ctx.db.prisma.mailMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' }, select: { template: true, subject: true } });
}
