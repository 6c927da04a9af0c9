import { escapeHtml } from '../../services/mail/templates.js';

/** A bare page for the development mail viewer: inline styles only (the CSP forbids inline scripts). */
export function viewerPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-Hant-TW">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>
body{font-family:'Noto Sans TC','Microsoft JhengHei',sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}
.status-PENDING{color:#8a5a00}.status-SENT{color:#176c2b}.status-FAILED{color:#b00020}
iframe{width:100%;height:70vh;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:12px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{color:#555}dd{margin:0}
</style></head>
<body>
<p>開發用郵件檢視（僅開發環境）</p>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

export const STATUS_LABELS: Record<string, string> = { PENDING: '待寄送', SENT: '已寄送', FAILED: '寄送失敗' };

export function formatTime(date: Date): string {
  return date.toISOString();
}
