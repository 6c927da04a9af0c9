import type * as NodeCrypto from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { nextAddress, validApplication } from './application-fixtures.js';

// 申請編號 are random: make the draw repeat once so that the second application meets a clash.
const draws = vi.hoisted(() => [123_456, 123_456, 654_321]);
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof NodeCrypto>();
  return { ...original, randomInt: (max: number) => (draws.length > 0 ? draws.shift()! : original.randomInt(max)) };
});

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx?.close());

it('draws a new 申請編號 when the first one is taken, instead of failing', async () => {
  const apply = () => ctx.app.inject({ method: 'POST', url: '/api/applications', payload: validApplication(), remoteAddress: nextAddress() });
  const first = await apply();
  const second = await apply();
  expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
  expect(first.json().applicationNo).toMatch(/123456$/);
  expect(second.json().applicationNo).toMatch(/654321$/);
});
