import { afterAll, beforeAll, expect, it } from 'vitest';
import { CARD_REFUSALS } from '../../src/services/card-verification/index.js';
import { createAccount } from '../helpers/accounts.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

// A deployment with no health-care CA configured (and no test CA): card verification is
// refused plainly, before any card is asked to sign, and 紙本審核 remains the way forward.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ demoInstitutions: 0 });
});
afterAll(() => ctx?.close());

it('refuses a challenge with 503 CARD_NOT_CONFIGURED and stores nothing', async () => {
  await createAccount(ctx, { accountName: 'nocardca', institutionCode: '9900000002' });
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/card-verification/challenges',
    payload: { accountName: 'nocardca', password: 'Portal*Demo=2026' },
  });
  expect(response.statusCode).toBe(503);
  expect(response.json()).toEqual({ code: 'CARD_NOT_CONFIGURED', message: CARD_REFUSALS.CARD_NOT_CONFIGURED.message });
  expect(await ctx.db.prisma.cardChallenge.count()).toBe(0);
});
