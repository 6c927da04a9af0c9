import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/** Header name and value pairs, set on every response. */
export type SecurityHeaders = [name: string, value: string][];

/**
 * The security headers of every response (CSP, frame-ancestors, nosniff, COOP, HSTS on https).
 * They do not vary by request, so helmet computes them once here; @fastify/helmet builds its
 * middleware again, CSP parsing included, on every request, which was ~5 % of the API's event
 * loop in the login benchmark. The same list goes on the answers Fastify and Node's HTTP parser
 * give before any hook runs (plugins/errors.ts).
 */
export function securityHeadersFor(publicOrigin: string): SecurityHeaders {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // The HiPKI card service answers in a popup through window.opener; COOP same-origin would cut it off.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    // Only ask browsers to stick to HTTPS when the portal is actually served over it.
    strictTransportSecurity: publicOrigin.startsWith('https://'),
  });
  const headers: SecurityHeaders = [];
  const collector = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => undefined,
  };
  applyHeaders({} as IncomingMessage, collector as unknown as ServerResponse, () => undefined);
  return headers;
}

export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, options: { headers: SecurityHeaders }) => {
    app.addHook('onRequest', (_request, reply, done) => {
      for (const [name, value] of options.headers) reply.raw.setHeader(name, value);
      done();
    });
  },
  { name: 'security-headers' },
);
