/** The subsystem's pages: zh-TW, plain HTML with its own small style sheet, readable at 320 px. */

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
class Html {
  constructor(readonly text: string) {}
}
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let text = strings[0]!;
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    text += parts.map((part) => (part instanceof Html ? part.text : escapeHtml(String(part ?? '')))).join('');
    text += strings[index + 1]!;
  });
  return new Html(text);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans TC","Microsoft JhengHei",sans-serif;line-height:1.6;color:#1b1b1b;background:#f4f6f4}
header{background:#2e6b4f;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-size:1.1rem;font-weight:700}
header small{display:block;font-weight:400;font-size:.85rem}
main{max-width:46rem;margin:1.5rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #cfd8d3;border-radius:6px;padding:1rem 1.25rem}
h1{font-size:1.5rem;margin:0 0 .75rem}
h1:focus{outline:3px solid #f0a500;outline-offset:2px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:1rem 0}
dt{font-weight:700}
dd{margin:0;overflow-wrap:anywhere}
.button{display:inline-block;font:inherit;padding:.5rem 1.25rem;border-radius:4px;border:2px solid #2e6b4f;background:#2e6b4f;color:#fff;text-decoration:none;cursor:pointer}
.button-secondary{background:#fff;color:#2e6b4f}
.button:focus-visible,a:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1rem}
.alert{border-left:4px solid #b3261e;background:#fdecea;padding:.5rem .75rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
`;

export function page({ subsystemName, title, body }: { subsystemName: string; title: string; body: Html }): string {
  return html`<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}｜${subsystemName}（示範子系統）</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header><p>${subsystemName}<small>示範子系統：以單一入口登入</small></p></header>
<main><div class="card">${body}</div></main>
</body>
</html>`.text;
}

const ROLE_LABELS: Record<string, string> = {
  INSTITUTION_MANAGER: '單位業務管理者',
  GENERAL_USER: '一般使用者',
  SUBSYSTEM_MANAGER: '子系統管理者',
  SYSTEM_STAFF: '系統人員',
};
const SUBSYSTEM_ROLE_LABELS: Record<string, string> = { USER: '使用者', MANAGER: '管理者' };

function loginMethod(amr: unknown): string {
  const methods = Array.isArray(amr) ? amr : [];
  if (methods.includes('sc') || methods.includes('hwk')) return '醫事機構卡';
  if (methods.includes('pwd')) return '帳號密碼';
  return '—';
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '—');

/** The claims a subsystem relies on, as received in the ID token. */
export function claimRows(claims: Record<string, unknown>): Array<[string, string]> {
  const institution = [claims.institution_name, claims.institution_code].filter((part) => typeof part === 'string' && part !== '');
  const role = typeof claims.role === 'string' ? (ROLE_LABELS[claims.role] ?? claims.role) : '—';
  const subsystemRole = typeof claims.subsystem_role === 'string' ? (SUBSYSTEM_ROLE_LABELS[claims.subsystem_role] ?? claims.subsystem_role) : '—';
  return [
    ['姓名', text(claims.name)],
    ['帳號', text(claims.account)],
    ['機構', institution.length === 2 ? `${institution[0]}（${institution[1]}）` : text(institution[0])],
    ['角色', role],
    ['本子系統角色', subsystemRole],
    ['登入方式', loginMethod(claims.amr)],
    ['使用者識別碼 (sub)', text(claims.sub)],
  ];
}

export function signedInBody({ subsystemName, claims, portalUrl }: { subsystemName: string; claims: Record<string, unknown>; portalUrl: string }) {
  return html`<h1 tabindex="-1">${subsystemName}</h1>
<p>您已透過單一入口登入。以下是本子系統自單一入口收到的身分資料：</p>
<dl>${claimRows(claims).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
<div class="actions">
<form method="post" action="/logout"><button type="submit" class="button">登出</button></form>
<a href="${portalUrl}">回到單一入口</a>
</div>`;
}

export function signedOutBody({ subsystemName, notice }: { subsystemName: string; notice?: string }) {
  return html`<h1 tabindex="-1">${subsystemName}</h1>
${notice ? html`<p role="status">${notice}</p>` : ''}
<p>您尚未登入。本子系統使用「醫療院所預防保健暨戒菸服務單一入口系統」的帳號登入，登入一次即可使用您已獲核准的子系統。</p>
<div class="actions"><a class="button" href="/login">以單一入口登入</a></div>`;
}

export function loggedOutBody({ portalUrl }: { portalUrl: string }) {
  return html`<h1 tabindex="-1">您已登出</h1>
<p>您已登出本子系統及單一入口。使用共用電腦時，請關閉瀏覽器。</p>
<div class="actions"><a class="button" href="/login">重新登入</a><a href="${portalUrl}">前往單一入口</a></div>`;
}

export function accessDeniedBody({ subsystemName, requestAccessUrl }: { subsystemName: string; requestAccessUrl: string }) {
  return html`<h1 tabindex="-1">您尚未取得此子系統的使用權限</h1>
<p class="alert">單一入口未同意您登入「${subsystemName}」：您的帳號尚未獲核准使用本子系統，或權限已被停用。</p>
<p>請登入單一入口，於「我的服務」的「申請其他子系統」提出「${subsystemName}」的使用申請，經子系統管理者審核通過後即可使用。</p>
<div class="actions"><a class="button" href="${requestAccessUrl}">前往單一入口申請</a></div>`;
}

export function loginFailedBody({ reason }: { reason: string }) {
  return html`<h1 tabindex="-1">登入未完成</h1>
<p class="alert">${reason}</p>
<div class="actions"><a class="button" href="/login">重新登入</a></div>`;
}
