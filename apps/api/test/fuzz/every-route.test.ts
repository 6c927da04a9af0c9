/**
 * Every registered route, driven with generated hostile input: bodies, query strings, path
 * parameters and multipart parts built from the route's OpenAPI description (the same zod
 * schemas it validates with), with values mutated towards what breaks databases and parsers
 * (NUL, lone surrogates, dates and numbers beyond their columns, wrong shapes, `null` bodies).
 * The properties: no answer is a 5xx, and a refusal of the input (400, 413, 415) changes no row
 * of any table, the audit trail included.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRole } from '@portal/shared';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { login, type TestSession } from '../helpers/auth.js';
import { bodyFor, hostileText, rowCounts, wireEncode, wireText, type JsonSchema } from './generators.js';

/** Generated requests per route; with the portal's ~100 routes, well over 1,000 a run. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 15);

const DEMO_ACCOUNT_OF: Record<AccountRole, string> = {
  INSTITUTION_MANAGER: 'demomanager',
  GENERAL_USER: 'demouser',
  SUBSYSTEM_MANAGER: 'demosubadult',
  SYSTEM_STAFF: 'demostaff',
};

// ───────────────────────── the routes ─────────────────────────

interface Operation {
  parameters?: { name: string; in: 'query' | 'path' | 'header'; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface GeneratedRequest {
  url: string;
  body?: unknown;
  multipart?: { fields: Record<string, string>; filename: string; bytes: Uint8Array };
}

function requestArbitrary(url: string, operation: Operation | undefined): fc.Arbitrary<GeneratedRequest> {
  const parameters = operation?.parameters ?? [];
  const pathParams = [...url.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const pathArb = fc.record(Object.fromEntries(pathParams.map((name) => [name, wireText(parameters.find((p) => p.in === 'path' && p.name === name)?.schema)])));
  const queryArb = fc.record(Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, wireText(p.schema)])), { requiredKeys: [] });
  const content = operation?.requestBody?.content ?? {};
  const isMultipart = 'multipart/form-data' in content || /\/(file|scan|paper-form|downloads)\b/.test(url);
  const bodyArb = isMultipart
    ? fc.record({
        fields: fc.dictionary(fc.constantFrom('system', 'category', 'title', 'requestId', 'note', 'x'), hostileText.map(String), { maxKeys: 4 }),
        filename: hostileText,
        bytes: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(new TextEncoder().encode('%PDF-1.4\n%EOF')), fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))),
      }).map((multipart) => ({ multipart }))
    : bodyFor(content['application/json']?.schema).map((body) => ({ body }));
  return fc.tuple(pathArb, queryArb, bodyArb).map(([path, query, body]) => {
    let concrete = url;
    for (const [name, value] of Object.entries(path)) concrete = concrete.replace(`:${name}`, wireEncode(String(value)) || '%20');
    const search = Object.entries(query as Record<string, string>).map(([name, value]) => `${name}=${wireEncode(value)}`).join('&');
    return { url: search ? `${concrete}?${search}` : concrete, ...body };
  });
}

function multipartPayload(parts: NonNullable<GeneratedRequest['multipart']>) {
  const boundary = '----fuzz' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(parts.fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${parts.filename.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  chunks.push(Buffer.from(parts.bytes), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

// ───────────────────────── the run ─────────────────────────

let ctx: TestContext;
let openapi: { paths: Record<string, Record<string, Operation>> };
let addressCounter = 0;
const nextAddress = () => `10.77.${Math.floor(++addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;

beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 5 });
  openapi = ctx.app.swagger() as unknown as typeof openapi;
}, 120_000);
afterAll(() => ctx?.close());


describe('every route with generated hostile input', () => {
  let total = 0;
  const failures: string[] = [];

  it('answers no 5xx, and a refused input changes no row', async () => {
    const routes = ctx.app.routeAccess.filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const openapiPath = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = openapi.paths[openapiPath]?.[route.method.toLowerCase()];
      const role = route.roles?.[0] ?? (route.access === 'authenticated' ? 'GENERAL_USER' : undefined);
      // A fresh login per route: a generated request may have logged the last one out.
      const session: TestSession | undefined = role ? await login(ctx.app, DEMO_ACCOUNT_OF[role], undefined, nextAddress()) : undefined;
      const verdict = await fc.check(
        fc.asyncProperty(requestArbitrary(route.url, operation), async (generated) => {
          const before = await rowCounts(ctx.db.prisma);
          const multipart = generated.multipart ? multipartPayload(generated.multipart) : undefined;
          const response = await ctx.app.inject({
            method: route.method as 'GET',
            url: generated.url,
            remoteAddress: nextAddress(),
            headers: {
              ...(session ? session.headers(generated.url) : {}),
              ...(multipart ? { 'content-type': multipart.contentType } : generated.body !== undefined && route.method !== 'GET' ? { 'content-type': 'application/json' } : {}),
            },
            ...(multipart ? { payload: multipart.payload } : route.method !== 'GET' && route.method !== 'DELETE' ? { payload: JSON.stringify(generated.body) } : {}),
          });
          // Work some routes leave for after the answer (忘記密碼) is theirs, not the next request's.
          await ctx.app.afterResponse.idle();
          total += 1;
          const sent = generated.multipart ? JSON.stringify({ ...generated.multipart, bytes: generated.multipart.bytes.length }) : JSON.stringify(generated.body);
          const context = `${route.method} ${generated.url} ${String(sent).slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, context).toBeLessThan(500);
          if (response.statusCode === 429) expect(response.headers['retry-after'], context).toMatch(/^\d+$/);
          if ([400, 413, 415].includes(response.statusCode)) expect(await rowCounts(ctx.db.prisma), context).toEqual(before);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
      );
      if (verdict.failed) failures.push(`${route.method} ${route.url} (seed ${verdict.seed}): ${String((verdict.errorInstance as Error)?.message ?? verdict.errorInstance).split('\n')[0]}`);
    }
    // Every failing route at once, each with its seed and the smallest input found.
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(1_000);
  }, 900_000);

  it('answers no 5xx at the OpenID provider (/oidc) either, whatever its parameters', async () => {
    const discovery = await ctx.app.inject({ url: '/oidc/.well-known/openid-configuration' });
    expect(discovery.statusCode).toBe(200);
    const metadata = discovery.json() as Record<string, unknown>;
    // Every endpoint the provider announces, by its path on this app.
    const endpoints = Object.entries(metadata)
      .filter(([key, value]) => key.endsWith('_endpoint') && typeof value === 'string')
      .map(([, value]) => new URL(value as string).pathname);
    expect(endpoints.length).toBeGreaterThanOrEqual(4);
    const parameterNames = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code', 'grant_type', 'refresh_token', 'token', 'id_token_hint', 'post_logout_redirect_uri', 'client_secret', 'code_verifier', 'prompt', 'request', 'x'];
    const parameters = fc.dictionary(fc.constantFrom(...parameterNames), hostileText.map(String), { maxKeys: 6 });
    const failures: string[] = [];
    for (const path of [...endpoints, '/oidc/jwks', '/oidc/.well-known/openid-configuration']) {
      for (const method of ['GET', 'POST'] as const) {
        const verdict = await fc.check(
          fc.asyncProperty(parameters, fc.option(fc.constantFrom('Basic ' + Buffer.from('x:y').toString('base64'), 'Bearer a.b.c', 'Bearer abc', `Bearer ${'A'.repeat(4000)}`), { nil: undefined }), async (params, authorization) => {
            const form = Object.entries(params).map(([name, value]) => `${name}=${wireEncode(value)}`).join('&');
            const response = await ctx.app.inject({
              method,
              url: method === 'GET' && form ? `${path}?${form}` : path,
              remoteAddress: nextAddress(),
              headers: { ...(authorization && { authorization }), ...(method === 'POST' && { 'content-type': 'application/x-www-form-urlencoded' }) },
              ...(method === 'POST' && { payload: form }),
            });
            await ctx.app.afterResponse.idle();
            expect(response.statusCode, `${method} ${path} ${form.slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 300)}`).toBeLessThan(500);
          }),
          { numRuns: RUNS_PER_ROUTE, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
        );
        if (verdict.failed) failures.push(`${method} ${path} (seed ${verdict.seed}): ${String((verdict.errorInstance as Error)?.message ?? verdict.errorInstance).split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
