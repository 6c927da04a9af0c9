import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * On shutdown, in-flight requests finish, but a kept-alive connection would hold the closing
 * server open until its keep-alive timeout: once closing has begun, every answer asks its client
 * to close the connection, and connections are closed as soon as they are idle.
 */
export const closeConnectionsPlugin = fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.addHook('preClose', (done) => {
      closing = true;
      done();
    });
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (closing) reply.header('connection', 'close');
      done(null, payload);
    });
    app.addHook('onResponse', (_request, _reply, done) => {
      if (closing) setImmediate(() => app.server.closeIdleConnections());
      done();
    });
  },
  { name: 'close-connections' },
);
