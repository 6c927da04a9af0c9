/**
 * Server-side 醫事機構卡 verification time: RSA-2048 card → test intermediate → test root, with
 * the intermediate's CRL. Run: `npx tsx --conditions=@portal/source bench/card-verification-benchmark.ts [iterations] [crlEntries]`.
 *
 * Measures one verifyCardSignature per iteration (parse the card certificate, build and check
 * the path, validity, key usage, marker and 機構代碼, CRL look-up, RSA signature) against a
 * trust store loaded once, as the API would hold it. The first call is reported apart: it pays
 * for the CRL's signature check and revoked-serial index, which later calls reuse.
 */
import { performance } from 'node:perf_hooks';
import { createTestCrl, generateTestPki } from '@portal/card-sim';
import { buildCardAuthTbs } from '@portal/shared';
import { percentile } from './bench-support.js';
import {
  CardCertificate,
  CardCrl,
  TEST_INSTITUTION_CARD_PROFILE,
  createCardChallengeNonce,
  verifyCardSignature,
} from '../src/services/card-verification/index.js';
import { signWithCard, certificateB64 } from '@portal/card-sim';

const iterations = Number(process.argv[2] ?? 2000);
const crlEntries = Number(process.argv[3] ?? 10_000);

const pki = await generateTestPki({ pin: '123456' });
const card = pki.cards.find((c) => c.id === '9900000001')!;
const revoked = pki.cards.find((c) => c.id === 'revoked')!;
// A CRL the size of a national CA's: `crlEntries` revoked serials, the revoked test card among them.
const serials = Array.from({ length: crlEntries - 1 }, (_, i) => (0x1000_0000 + i).toString(16));
const hour = 3_600_000;
const crl = await createTestCrl(pki.intermediate, [...serials, revoked.certificate.serialNumber], {
  thisUpdate: new Date(Date.now() - hour),
  nextUpdate: new Date(Date.now() + 24 * hour),
});
const trust = {
  trustAnchors: [CardCertificate.parse(pki.root.certificate.toString('pem'))],
  intermediates: [CardCertificate.parse(pki.intermediate.certificate.toString('pem'))],
  crls: [CardCrl.parse(crl.toString('pem'))],
  profile: TEST_INSTITUTION_CARD_PROFILE,
};

// Distinct challenges, signed ahead of time (the card's work is not the server's).
const requests = await Promise.all(
  Array.from({ length: Math.min(iterations, 200) }, async () => {
    const tbs = buildCardAuthTbs({ origin: 'https://pportal.hpa.gov.tw', institutionCode: '9900000001', nonce: createCardChallengeNonce() });
    const signature = (await signWithCard(card, new Uint8Array(Buffer.from(tbs)))).toString('base64');
    return { tbs, signature, certificate: certificateB64(card.certificate) };
  }),
);

const run = (i: number) =>
  verifyCardSignature({ ...requests[i % requests.length]!, expectedInstitutionCode: '9900000001', now: new Date(), ...trust });

let start = performance.now();
await run(0);
const first = performance.now() - start;

for (let i = 0; i < 50; i++) await run(i); // warm-up
const timings: number[] = [];
for (let i = 0; i < iterations; i++) {
  start = performance.now();
  await run(i);
  timings.push(performance.now() - start);
}
const total = timings.reduce((a, b) => a + b, 0);
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
console.log(`card verification (RSA-2048, 3-level chain, CRL with ${crlEntries} entries, ${iterations} runs, Node ${process.version})`);
console.log(`  first call (CRL signature + index): ${fmt(first)}`);
console.log(`  median: ${fmt(percentile(timings, 0.5))}`);
console.log(`  p99:    ${fmt(percentile(timings, 0.99))}`);
console.log(`  max:    ${fmt(Math.max(...timings))}`);
console.log(`  throughput (one core): ${Math.round((iterations / total) * 1000)} verifications/s`);
