import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { accountNameKey } from '@portal/shared';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * has logged in to an account before carries a cookie signed for that account, and its failed
 * logins count against its own budget, not the account's. Guesses from anywhere else lock only
 * "untrusted" clients out, so they can no longer lock the real owner out of a browser they used.
 *
 * One cookie per account (clinics share computers): its name is a keyed hash of the account
 * name, so the cookie jar does not list who logged in there. Its value is a random device id and
 * a signature binding it to the account; nothing is stored on the server.
 */
export const DEVICE_COOKIE_PATH = '/api/auth/login';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export interface DeviceCookies {
  /** The cookie's name for this account name. */
  nameFor(accountName: string): string;
  /** A new cookie value for this account name (a new device id each successful login). */
  issue(accountName: string): string;
  /** The device id when `value` was issued for this account name, otherwise null. */
  deviceIdOf(accountName: string, value: string | undefined): string | null;
}

export function deviceCookies(secret: Buffer | string): DeviceCookies {
  const key = createHmac('sha256', secret).update('device-cookie').digest();
  const mac = (text: string) => createHmac('sha256', key).update(text).digest();
  const signature = (accountName: string, deviceId: string) => mac(`value:${accountNameKey(accountName)}:${deviceId}`);
  return {
    nameFor: (accountName) => `portal_dev_${mac(`name:${accountNameKey(accountName)}`).subarray(0, 8).toString('hex')}`,
    issue(accountName) {
      const deviceId = randomBytes(16).toString('base64url');
      return `${deviceId}.${signature(accountName, deviceId).toString('base64url')}`;
    },
    deviceIdOf(accountName, value) {
      const [deviceId, presented, ...rest] = (value ?? '').split('.');
      if (!deviceId || !presented || rest.length > 0) return null;
      const expected = signature(accountName, deviceId);
      const given = Buffer.from(presented, 'base64url');
      return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
    },
  };
}
