import type { FastifyRequest } from 'fastify';

/**
 * pino options of every API log line. No 身分證, password, token, cookie or Authorization value
 * may reach a log (test/runtime/log-redaction.test.ts): the request line carries the path with
 * every query value masked (帳號查詢 takes a 身分證 in its query, a reset link its token, the
 * OpenID logout an id_token_hint), and these paths are censored wherever an object logs them.
 */
const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'currentPassword',
  'newPassword',
  'nationalId',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'id_token',
  'id_token_hint',
  'access_token',
  'refresh_token',
  'client_secret',
  'clientSecret',
  'pin',
];

export const LOG_REDACT_PATHS = REDACTED_KEYS.flatMap((key) => {
  const identifier = /^[A-Za-z_]\w*$/.test(key);
  const property = identifier ? `.${key}` : `["${key}"]`;
  return [...(identifier ? [key] : []), `*${property}`, `*.*${property}`];
});

/** The path as asked, each query value replaced by `*` (the names stay: they help to read a log). */
export function maskedUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return url;
  const names = url
    .slice(queryAt + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=*`);
  return `${url.slice(0, queryAt)}?${names.join('&')}`;
}

export const LOG_OPTIONS = {
  redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
  serializers: {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: maskedUrl(request.url),
      remoteAddress: request.ip,
    }),
  },
};
