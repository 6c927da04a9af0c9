/**
 * The inputs that once reached the database and failed there (500), kept as fixed cases beside
 * the generated ones of every-route.test.ts: text the database cannot store, bodies of the wrong
 * shape, numbers and dates beyond their columns, multipart parts beyond the limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';

let ctx: TestContext;
let subsystemManager: TestSession;
let address = 0;
const remoteAddress = () => `10.88.0.${++address}`;

beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
  subsystemManager = await login(ctx.app, 'demosubadult');
});
afterAll(() => ctx?.close());

const postJson = (url: string, body: string) =>
  ctx.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json' }, remoteAddress: remoteAddress() });

describe('text the database cannot store', () => {
  it('a NUL or a lone surrogate in a JSON field is a zh-TW 400, on public routes too', async () => {
    for (const accountName of ['demo\u0000user', 'demo\uD800', '\uDC00']) {
      const response = await postJson('/api/auth/login', JSON.stringify({ accountName, password: 'x' }));
      expect(response.statusCode, JSON.stringify(accountName)).toBe(400);
      expect(response.json().fieldErrors.accountName).toEqual([messages.unstorableText]);
    }
    // As raw JSON escapes, the way a hostile client writes them.
    const escaped = await postJson('/api/applications', '{"accountName":"a\\u0000b","name":"\\ud800"}');
    expect(escaped.statusCode).toBe(400);
    expect(escaped.json().fieldErrors.name).toEqual(['姓名不可包含控制字元或不可見字元']);
  });

  it('the same in a query string, encoded as bytes', async () => {
    for (const q of ['%00', 'a%00b', '%ED%A0%80']) {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/institutions?q=${q}`, remoteAddress: remoteAddress() });
      expect(response.statusCode, q).toBeLessThan(500);
      if (q !== '%ED%A0%80') expect(response.statusCode, q).toBe(400);
    }
  });

  it('keeps a well-formed emoji (a surrogate pair) as it is', async () => {
    const response = await postJson('/api/auth/login', JSON.stringify({ accountName: 'demo😀', password: 'x' }));
    expect(response.statusCode).toBe(401);
  });
});

describe('shapes and ranges', () => {
  it('a JSON body that is not an object is a 400', async () => {
    for (const body of ['null', '[]', '"text"', '0', 'true']) {
      for (const url of ['/api/applications', '/api/auth/login', '/api/application-status', '/api/auth/forgot-password']) {
        const response = await postJson(url, body);
        expect(response.statusCode, `${url} ${body}`).toBe(400);
      }
    }
  });

  it('queue filters refuse dates no record can have', async () => {
    for (const query of ['from=0001-01-01', 'to=0001-01-01', 'from=9999-12-31', 'to=275760-09-13']) {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/subsystem-manager/access-requests?${query}`, headers: subsystemManager.headers() });
      expect(response.statusCode, query).toBe(400);
    }
  });
});

describe('multipart', () => {
  const upload = (parts: { name: string; filename?: string; value: string }[]) => {
    const boundary = '----known';
    const body = parts
      .map(({ name, filename, value }) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`)
      .join('');
    return ctx.app.inject({
      method: 'POST',
      url: '/api/applications/paper-form/scan',
      payload: Buffer.from(`${body}--${boundary}--\r\n`),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      remoteAddress: remoteAddress(),
    });
  };

  it('refuses a field or file name the database cannot store', async () => {
    const field = await upload([{ name: 'accountName', value: 'a\u0000b' }, { name: 'file', filename: 'scan.pdf', value: '%PDF-1.4' }]);
    expect(field.statusCode).toBe(400);
    expect(field.json().message).toBe(messages.unstorableText);
    const filename = await upload([{ name: 'file', filename: 'scan\u0000.pdf', value: '%PDF-1.4' }]);
    expect(filename.statusCode).toBe(400);
  });

  it('says "too many parts", not "too large", for a second file or too many fields', async () => {
    const twoFiles = await upload([
      { name: 'file', filename: 'a.pdf', value: '%PDF-1.4' },
      { name: 'file', filename: 'b.pdf', value: '%PDF-1.4' },
    ]);
    expect(twoFiles.statusCode).toBe(413);
    expect(twoFiles.json()).toMatchObject({ code: 'TOO_MANY_PARTS', message: messages.tooManyParts });
    const manyFields = await upload([...Array.from({ length: 8 }, (_, i) => ({ name: `f${i}`, value: 'x' })), { name: 'file', filename: 'a.pdf', value: '%PDF-1.4' }]);
    expect(manyFields.statusCode).toBe(413);
    expect(manyFields.json().code).toBe('TOO_MANY_PARTS');
  });
});
