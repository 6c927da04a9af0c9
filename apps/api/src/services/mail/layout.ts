import { HELP_DESK_CONTACTS } from '@portal/shared';

export const PORTAL_NAME = '醫療院所預防保健暨戒菸服務單一入口系統';
export const AUTO_MAIL_NOTICE = '本信件由系統自動發送，請勿直接回覆。';

export interface MailLink {
  label: string;
  url: string;
}

/** What every template returns: one subject, a plain-text part and an HTML part. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * A template describes its content once; `renderLayout` turns it into both parts, so that the
 * text and HTML versions cannot drift apart and every value is escaped in one place.
 */
export interface MailContent {
  /** Without the portal name; the layout prefixes it. */
  subject: string;
  /** Whom the mail addresses, e.g. 王小明. */
  recipientName: string;
  paragraphs: string[];
  /** Label/value rows (申請編號, 帳號 …). */
  facts?: [label: string, value: string][];
  action?: MailLink;
  /** Other pages the reader may need next, listed under the action as plain links. */
  links?: MailLink[];
  /** Smaller print under the action (validity, "if you did not ask, ignore"). */
  notes?: string[];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Only http(s) links go into a mail: a javascript: or data: URL would be an injection. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`mail links must be http(s): ${parsed.protocol}`);
  }
  return parsed.toString();
}

function helpDeskLines(): string[] {
  return HELP_DESK_CONTACTS.map((contact) => {
    const who = [contact.organisation, 'title' in contact ? contact.title : undefined, contact.people.join('、')].filter(Boolean).join(' ');
    // Ideographic spaces separate the fields, as in the printed help-desk list.
    return [who, `電話：${contact.tel}`, `E-mail：${contact.email}`].join('\u3000');
  });
}

export function renderLayout(content: MailContent): RenderedMail {
  const subject = `【${PORTAL_NAME}】${content.subject}`;
  const url = content.action && safeUrl(content.action.url);
  const links = (content.links ?? []).map((link) => ({ label: link.label, url: safeUrl(link.url) }));
  const helpDesk = helpDeskLines();

  const text = [
    `${content.recipientName} 您好：`,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.facts?.length ? [...content.facts.map(([label, value]) => `${label}：${value}`), ''] : []),
    ...(content.action && url ? [`${content.action.label}：`, url, ''] : []),
    ...links.flatMap((link) => [`${link.label}：`, link.url, '']),
    ...(content.notes?.length ? [...content.notes, ''] : []),
    '--',
    PORTAL_NAME,
    '諮詢窗口：',
    ...helpDesk,
    AUTO_MAIL_NOTICE,
    '',
  ].join('\n');

  const facts = content.facts?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${content.facts
        .map(
          ([label, value]) =>
            `<tr><th style="text-align:left;padding:4px 16px 4px 0;color:#555;font-weight:normal;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const action =
    content.action && url
      ? `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="background:#0b5cad;color:#fff;padding:10px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#555">若按鈕無法開啟，請將下列網址複製到瀏覽器：<br><span style="word-break:break-all">${escapeHtml(url)}</span></p>`
      : '';
  const moreLinks = links.length
    ? `<ul style="padding-left:20px">${links.map((link) => `<li>${escapeHtml(link.label)}：<a href="${escapeHtml(link.url)}" style="word-break:break-all">${escapeHtml(link.url)}</a></li>`).join('')}</ul>`
    : '';
  const notes = (content.notes ?? []).map((note) => `<p style="font-size:13px;color:#555">${escapeHtml(note)}</p>`).join('');

  const html = `<!doctype html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f8;font-family:'Noto Sans TC','Microsoft JhengHei',sans-serif;color:#222;line-height:1.6">
<div style="max-width:600px;margin:0 auto;padding:24px">
<div style="background:#0b5cad;color:#fff;padding:16px 24px;font-size:18px">${escapeHtml(PORTAL_NAME)}</div>
<div style="background:#fff;padding:24px">
<p>${escapeHtml(content.recipientName)} 您好：</p>
${content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${facts}${action}${moreLinks}${notes}
</div>
<div style="padding:16px 24px;font-size:12px;color:#666">
<p style="margin:0 0 4px">諮詢窗口：</p>
${helpDesk.map((line) => `<p style="margin:0">${escapeHtml(line)}</p>`).join('\n')}
<p style="margin:12px 0 0">${escapeHtml(AUTO_MAIL_NOTICE)}</p>
</div>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
