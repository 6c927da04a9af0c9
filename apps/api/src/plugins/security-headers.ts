import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * The security headers of every response (CSP, frame-ancestors, nosniff, COOP, HSTS on https).
 * helmet's middleware is built once here: @fastify/helmet builds it again, CSP parsing included,
 * on every request, which was ~5 % of the API's event loop in the login benchmark.
 */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, options: { publicOrigin: string }) => {
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
      strictTransportSecurity: options.publicOrigin.startsWith('https://'),
    });
    app.addHook('onRequest', (request, reply, done) => {
      applyHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
    });
  },
  { name: 'security-headers' },
);
