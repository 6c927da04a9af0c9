import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messages } from '@portal/shared';
import { z } from 'zod';
import { notFound } from '../../errors/http-error.js';
import { findMail } from '../../services/mail/outbox.js';
import { escapeHtml } from '../../services/mail/templates.js';
import { formatTime, STATUS_LABELS, viewerPage } from './page.js';

/**
 * GET /dev/mail/:id: one message. The HTML part is shown in an iframe with `srcdoc` and an
 * empty `sandbox` (no scripts, no same-origin access): a separate URL could not be framed,
 * because the CSP says frame-ancestors 'none'.
 */
export const getDevMailRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dev/mail/:id',
    { schema: { hide: true, params: z.object({ id: z.string().max(64) }) } },
    async (request, reply) => {
      const mail = await findMail(app.db.prisma, request.params.id);
      if (!mail) throw notFound(messages.notFound);
      const facts: [string, string][] = [
        ['時間', formatTime(mail.createdAt)],
        ['收件者', mail.to],
        ['範本', mail.template],
        ['狀態', `${STATUS_LABELS[mail.status] ?? mail.status}（嘗試 ${mail.attempts} 次）`],
        ...(mail.sentAt ? [['寄出時間', formatTime(mail.sentAt)] as [string, string]] : []),
        ...(mail.lastError ? [['最後錯誤', mail.lastError] as [string, string]] : []),
      ];
      const body = `<p><a href="/dev/mail">← 郵件列表</a></p>
<dl>${facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<h2>HTML</h2>
<iframe sandbox="" title="${escapeHtml(mail.subject)}" srcdoc="${escapeHtml(mail.html)}"></iframe>
<h2>純文字</h2>
<pre>${escapeHtml(mail.text)}</pre>`;
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(viewerPage(mail.subject, body));
    },
  );
};
