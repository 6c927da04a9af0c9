import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    afterResponse: {
      /** Resolves once every task started so far has settled (tests, shutdown). */
      idle(): Promise<void>;
    };
  }
  interface FastifyRequest {
    /**
     * Runs `task` once the answer has been sent, in this process. For work whose duration must
     * not show in the answer (忘記密碼: whether the account exists must not change how long the
     * answer takes). A failure is logged; the caller has already been answered.
     */
    runAfterResponse(task: () => Promise<unknown>): void;
  }
}

export const afterResponsePlugin = fp(
  async (app: FastifyInstance) => {
    const waiting = new WeakMap<FastifyRequest, (() => Promise<unknown>)[]>();
    const running = new Set<Promise<unknown>>();

    app.decorateRequest('runAfterResponse', function (this: FastifyRequest, task: () => Promise<unknown>) {
      const tasks = waiting.get(this) ?? [];
      tasks.push(task);
      waiting.set(this, tasks);
    });
    app.addHook('onResponse', async (request) => {
      for (const task of waiting.get(request) ?? []) {
        const run = task()
          .catch((err: unknown) => request.log.error({ err }, 'work after the response failed'))
          .finally(() => running.delete(run));
        running.add(run);
      }
      waiting.delete(request);
    });
    const idle = async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    };
    app.decorate('afterResponse', { idle });
    app.addHook('onClose', idle);
  },
  { name: 'after-response' },
);
