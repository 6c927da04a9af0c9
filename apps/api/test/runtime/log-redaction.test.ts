import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '@portal/db';
import { validApplication } from '../applications/application-fixtures.js';
import { captureLog } from '../helpers/log-capture.js';
import { Browser, client, relyingParty, signIn, startSsoHarness, type SsoHarness } from '../helpers/sso.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/**
 * Everything the API writes to its log while people log in, apply with a 身分證, reset a
 * password and a subsystem exchanges a code for tokens, over real HTTP (headers, cookies,
 * Basic authorization at the token endpoint): no secret of theirs may appear in it.
 */
const captured = captureLog();

let harness: SsoHarness;
beforeAll(async () => {
  // debug, one level finer than production's info: what operators may switch on must be clean too.
  harness = await startSsoHarness({}, { logger: { level: 'debug', stream: captured.stream } });
}, 300_000);
afterAll(() => harness?.close());

describe('the log', () => {
  it('never holds a 身分證, password, token, cookie or Authorization value', async () => {
    const secrets: string[] = [DEMO_PASSWORD];
    const cookiesOf = (response: Response) => {
      for (const header of response.headers.getSetCookie()) {
        const value = header.split(';')[0]!.split('=').slice(1).join('=');
        if (value.length >= 8) secrets.push(value);
      }
    };

    // 服務登入 and the staff's client registration (its secret is shown once).
    const staff = new Browser(harness.origin);
    const staffLogin = await staff.api('POST', '/api/auth/login', { accountName: 'demostaff', password: DEMO_PASSWORD });
    expect(staffLogin.status).toBe(200);
    cookiesOf(staffLogin);
    const subsystem = await harness.ctx.db.prisma.subsystem.findUniqueOrThrow({ where: { code: 'adult-preventive' } });
    const registered = await staff.api('POST', `/api/staff/subsystems/${subsystem.id}/oidc-client`, {
      redirectUris: [`${harness.rp.origin}/cb`],
      postLogoutRedirectUris: [`${harness.rp.origin}/bye`],
    });
    expect(registered.status).toBe(201);
    const { clientSecret } = (await registered.json()) as { clientSecret: string };
    secrets.push(clientSecret, Buffer.from(`adult-preventive:${clientSecret}`).toString('base64'));

    // 帳號申請 with a 身分證, then staff look the person up by it (a query string).
    const application = validApplication();
    secrets.push(application.nationalId, application.password);
    const applicant = new Browser(harness.origin);
    expect((await applicant.api('POST', '/api/applications', application)).status).toBe(201);
    expect((await staff.api('GET', `/api/staff/accounts?nationalId=${application.nationalId}`)).status).toBe(200);
    const status = await applicant.api('POST', '/api/application-status', { accountName: application.accountName, nationalId: application.nationalId });
    expect(status.status).toBeLessThan(500);

    // 忘記密碼: the mailed link opened (its token in the query), then the new password set.
    const demouser = await harness.ctx.db.prisma.account.findUniqueOrThrow({ where: { accountNameKey: 'demouser' } });
    const browser = new Browser(harness.origin);
    expect((await browser.api('POST', '/api/auth/forgot-password', { accountName: 'demouser', email: demouser.email })).status).toBe(202);
    await harness.ctx.app.afterResponse.idle(); // the link is made after the answer
    const mail = await harness.ctx.db.prisma.mailMessage.findFirstOrThrow({ where: { template: 'password-reset' }, orderBy: { createdAt: 'desc' } });
    const resetToken = /reset-password\?token=([\w-]{43})/.exec(mail.text)![1]!;
    const newPassword = 'Qv7#mZ2!pL9x';
    secrets.push(resetToken, newPassword);
    await browser.request(`${harness.origin}/reset-password?token=${resetToken}`);
    expect((await browser.api('POST', '/api/auth/reset-password', { token: resetToken, password: newPassword, passwordConfirm: newPassword })).status).toBe(200);
    const wrong = await browser.api('POST', '/api/auth/login', { accountName: 'demouser', password: 'Wrong*Password=1' });
    expect(wrong.status).toBe(401);
    secrets.push('Wrong*Password=1');
    const userLogin = await browser.api('POST', '/api/auth/login', { accountName: 'demouser', password: newPassword });
    expect(userLogin.status).toBe(200);
    cookiesOf(userLogin);

    // 單一入口: code → tokens (Basic authorization), userinfo (Bearer), logout (id_token_hint).
    await harness.ctx.db.prisma.subsystemAccess.create({ data: { accountId: demouser.id, subsystemId: subsystem.id, status: 'APPROVED', decidedAt: new Date() } });
    const rp = await relyingParty(harness.issuer, 'adult-preventive', clientSecret, `${harness.rp.origin}/cb`);
    const { tokens, callback } = await signIn(browser, rp);
    const code = new URL(callback).searchParams.get('code')!;
    secrets.push(code, tokens.access_token, tokens.id_token!);
    if (tokens.refresh_token) secrets.push(tokens.refresh_token);
    await client.fetchUserInfo(rp.config, tokens.access_token, demouser.id);
    const endUrl = client.buildEndSessionUrl(rp.config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: `${harness.rp.origin}/bye` });
    await browser.navigate(endUrl.href);

    const log = captured.text();
    // The log was written: every request above has its line, with the path but not the values.
    expect(log).toContain('"url":"/api/auth/login"');
    expect(log).toContain('"url":"/api/staff/accounts?nationalId=*"');
    expect(log).toContain('"url":"/reset-password?token=*"');
    expect(log).toContain('/oidc/token');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      expect(log, `a secret in the log: ${secret.slice(0, 4)}…`).not.toContain(secret);
      expect(log).not.toContain(encodeURIComponent(secret));
    }
    expect(log).not.toContain(application.nationalId.toLowerCase());
    expect(log).not.toMatch(/authorization":"(Bearer|Basic) /i);
  });
});
