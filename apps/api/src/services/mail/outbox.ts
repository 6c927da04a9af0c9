import type { Prisma, PrismaClient } from '@portal/db';
import type { RenderedMail } from './layout.js';
import { renderMail, type MailTemplateData, type MailTemplateName } from './templates.js';

export type OutboxClient = Prisma.TransactionClient | PrismaClient;

export interface OutboxMail extends RenderedMail {
  template: string;
  to: string;
}

const SUBJECT_MAX = 200;

/**
 * Writes a mail into the outbox. Call it with the transaction of the state change that
 * promises the mail: if that transaction rolls back, the mail is never sent; if it commits,
 * the dispatcher sends it (retrying) even if this process dies right after the commit.
 */
export async function enqueueMail(tx: OutboxClient, message: OutboxMail): Promise<{ id: string }> {
  return tx.mailMessage.create({ data: outboxRow(message), select: { id: true } });
}

/** The same for many messages in one statement (bulk decisions). */
export async function enqueueMany(tx: OutboxClient, messages: OutboxMail[]): Promise<void> {
  await tx.mailMessage.createMany({ data: messages.map(outboxRow) });
}

function outboxRow(message: OutboxMail) {
  if (/[\r\n]/.test(message.to) || /[\r\n]/.test(message.subject)) {
    throw new Error('mail recipient and subject must be single-line');
  }
  return {
    template: message.template,
    to: message.to,
    subject: message.subject.length > SUBJECT_MAX ? `${message.subject.slice(0, SUBJECT_MAX - 1)}…` : message.subject,
    text: message.text,
    html: message.html,
  };
}

/**
 * A service's answer together with whether its transaction put mail in the outbox, so that the
 * caller can have it sent right away (request.dispatchQueuedMail) rather than at the next tick.
 */
export interface WithMail<T> {
  result: T;
  mailQueued: boolean;
}

/** Renders a template and enqueues it: `enqueueTemplate(tx, 'password-reset', to, {…})`. */
export async function enqueueTemplate<Name extends MailTemplateName>(
  tx: OutboxClient,
  template: Name,
  to: string,
  data: MailTemplateData[Name],
): Promise<{ id: string }> {
  return enqueueMail(tx, { template, to, ...renderMail(template, data) });
}

/** Renders one template for each recipient and enqueues them all in one statement. */
export async function enqueueTemplates<Name extends MailTemplateName>(
  tx: OutboxClient,
  template: Name,
  mails: { to: string; data: MailTemplateData[Name] }[],
): Promise<void> {
  await enqueueMany(tx, mails.map(({ to, data }) => ({ template, to, ...renderMail(template, data) })));
}

/** The latest messages, newest first (the /dev/mail viewer). */
export async function listRecentMail(prisma: PrismaClient, limit = 50) {
  return prisma.mailMessage.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, createdAt: true, to: true, subject: true, status: true, template: true, attempts: true },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findMail(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return null;
  return prisma.mailMessage.findUnique({ where: { id } });
}
