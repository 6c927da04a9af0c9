import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messages } from '@portal/shared';
import { z } from 'zod';
import { notFound } from '../../errors/http-error.js';
import { findMail, listRecentMail } from '../../services/mail/outbox.js';
import { escapeHtml, MAIL_TEMPLATE_NAMES, renderMail } from '../../services/mail/templates.js';
import { mailSamples } from './mail-samples.js';
import { formatTime, STATUS_LABELS, viewerPage } from './dev-mail-page.js';

/** The development mail viewer; app.ts registers it only when MAIL_VIEWER is on. */
export const devMailRoutes: FastifyPluginAsyncZod = async (app) => {
  /** GET /dev/mail: the latest 50 outbox messages. */
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
    const samplesLink = '<p><a href="/dev/mail/samples">郵件範本（每一種範本與其連結）</a></p>';
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(viewerPage('郵件', samplesLink + body));
  });

  /**
   * GET /dev/mail/samples: every template rendered with made-up data, each followed by the
   * links it contains (what a reader would click; the end-to-end suite opens each of them).
   */
  app.get('/dev/mail/samples', { schema: { hide: true } }, async (_request, reply) => {
    const samples = mailSamples(app.mail.origin);
    const sections = MAIL_TEMPLATE_NAMES.flatMap((name) =>
      samples[name].map((data) => {
        const mail = renderMail(name, data as never);
        const links = [...mail.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
        return `<section><h2>${escapeHtml(name)}：${escapeHtml(mail.subject)}</h2>
<ul class="mail-links">${links.map((link) => `<li><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`).join('')}</ul>
<iframe sandbox="" title="${escapeHtml(mail.subject)}" srcdoc="${escapeHtml(mail.html)}"></iframe></section>`;
      }),
    );
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(viewerPage('郵件範本', sections.join('\n')));
  });

  /**
   * GET /dev/mail/:id: one message. The HTML part is shown in an iframe with `srcdoc` and an
   * empty `sandbox` (no scripts, no same-origin access): a separate URL could not be framed,
   * because the CSP says frame-ancestors 'none'.
   */
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
