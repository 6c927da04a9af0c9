import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { dispatchPendingMail, type DispatchResult } from '../services/mail/dispatcher.js';
import { enqueueTemplate, type OutboxClient, type WithMail } from '../services/mail/outbox.js';
import type { MailTemplateData, MailTemplateName } from '../services/mail/templates.js';
import { createMailTransport, type MailTransportConfig } from '../services/mail/transport.js';

export interface MailService {
  /**
   * Renders the template and writes it to the outbox inside `tx`, the transaction of the state
   * change that promises the mail. Pass the request so that the mail goes out right after the
   * response instead of at the next tick.
   */
  enqueue<Name extends MailTemplateName>(
    tx: OutboxClient,
    mail: { template: Name; to: string; data: MailTemplateData[Name] },
    request?: FastifyRequest,
  ): Promise<{ id: string }>;
  /** Sends every due message now (tests; waits for a run already in progress). */
  dispatchNow(): Promise<DispatchResult>;
  /** Starts sending in the background, as after a response (nothing when background sending is off). */
  kick(): void;
  /** The public origin that links in mail start with (PUBLIC_ORIGIN). */
  readonly origin: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailService;
  }
  interface FastifyRequest {
    /** Set when the request enqueued mail: the dispatcher runs right after the response. */
    mailEnqueued: boolean;
    /**
     * Takes a service's answer: if its transaction put mail in the outbox, the dispatcher runs
     * right after the response (instead of at the next tick). Returns the service's result.
     */
    dispatchQueuedMail<T>(outcome: WithMail<T>): T;
  }
}

export interface MailPluginOptions extends MailTransportConfig {
  origin: string;
  /** 0 disables sending in the background (timer and after-response); dispatchNow still works. */
  dispatchIntervalMs: number;
}

const IDLE: DispatchResult = { sent: 0, retrying: 0, failed: 0 };

export const mailPlugin = fp(
  async (app: FastifyInstance, options: MailPluginOptions) => {
    const transport = createMailTransport(options);
    const prisma = app.db.prisma;
    let closed = false;
    let running: Promise<DispatchResult> | null = null;
    let queued: Promise<DispatchResult> | null = null;

    const start = (): Promise<DispatchResult> => {
      if (closed) return Promise.resolve(IDLE);
      running = dispatchPendingMail(prisma, transport, {
        onError: (err, message) => app.log.warn({ err, mailId: message.id, attempts: message.attempts }, 'mail delivery failed'),
      }).finally(() => {
        running = null;
      });
      return running;
    };
    // One run at a time in this process; a call during a run waits for it and runs once more
    // (the running one may have claimed its batch before the caller's mail was committed).
    const dispatchNow = (): Promise<DispatchResult> => {
      if (queued) return queued;
      if (!running) return start();
      queued = running
        .catch(() => IDLE)
        .then(() => {
          queued = null;
          return start();
        });
      return queued;
    };
    const dispatchInBackground = () => {
      dispatchNow().catch((err: unknown) => app.log.error({ err }, 'mail dispatch failed'));
    };

    const kick = () => {
      if (options.dispatchIntervalMs > 0) dispatchInBackground();
    };
    app.decorate('mail', {
      origin: options.origin,
      dispatchNow,
      kick,
      async enqueue(tx, mail, request) {
        const row = await enqueueTemplate(tx, mail.template, mail.to, mail.data);
        if (request) request.mailEnqueued = true;
        return row;
      },
    } satisfies MailService);
    app.decorateRequest('mailEnqueued', false);
    app.decorateRequest('dispatchQueuedMail', function <T>(this: FastifyRequest, outcome: WithMail<T>): T {
      if (outcome.mailQueued) this.mailEnqueued = true;
      return outcome.result;
    });

    if (options.dispatchIntervalMs > 0) {
      const timer = setInterval(() => {
        if (!running) dispatchInBackground();
      }, options.dispatchIntervalMs);
      timer.unref();
      app.addHook('onResponse', async (request) => {
        if (request.mailEnqueued) kick();
      });
      app.addHook('onClose', async () => clearInterval(timer));
    }

    app.addHook('onClose', async () => {
      closed = true;
      await Promise.allSettled([running, queued]);
      transport.close();
    });
    app.log.debug({ transport: transport.kind }, 'mail transport ready');
  },
  { name: 'mail', dependencies: ['database'] },
);
