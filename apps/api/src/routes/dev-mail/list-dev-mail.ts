import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listRecentMail } from '../../services/mail/outbox.js';
import { escapeHtml } from '../../services/mail/templates.js';
import { formatTime, STATUS_LABELS, viewerPage } from './page.js';

/** GET /dev/mail: the latest 50 outbox messages (development only; see app.ts). */
export const listDevMailRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/dev/mail', { schema: { hide: true } }, async (_request, reply) => {
    const messages = await listRecentMail(app.db.prisma, 50);
    const rows = messages
      .map(
        (message) =>
          `<tr><td>${escapeHtml(formatTime(message.createdAt))}</td><td>${escapeHtml(message.to)}</td><td><a href="/dev/mail/${escapeHtml(message.id)}">${escapeHtml(message.subject)}</a></td><td class="status-${message.status}">${escapeHtml(STATUS_LABELS[message.status] ?? message.status)}</td></tr>`,
      )
      .join('\n');
    const body = messages.length
      ? `<table><thead><tr><th>時間</th><th>收件者</th><th>主旨</th><th>狀態</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
      : '<p>尚無郵件。</p>';
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(viewerPage('郵件', body));
  });
};
