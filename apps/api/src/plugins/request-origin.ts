import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { RequestOrigin } from '../services/audit/record-audit.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Where the request came from ({ ip, requestId }), as every audit event records it. */
    readonly origin: RequestOrigin;
  }
}

export const requestOriginPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('origin', {
      getter() {
        return { ip: this.ip, requestId: this.id };
      },
    });
  },
  { name: 'request-origin' },
);
