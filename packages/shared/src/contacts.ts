/** 諮詢窗口 — verbatim from the administration's guide (docs/product.md). */
export const HELP_DESK_CONTACTS = [
  {
    organisation: '國健署',
    title: '駐點人員' as string | undefined,
    people: ['林小姐'],
    tel: '(02)2522-0878',
    email: 'me24you@hpa.gov.tw',
  },
  {
    organisation: '資拓宏宇',
    people: ['張先生', '周小姐'],
    tel: '(02)2559-1971#4 / #5',
    email: 'hpa.pportal@gmail.com',
  },
] as const;

/** The mailbox that stamped paper forms are scanned to (資拓宏宇's help desk, as the guide names it). */
export const PAPER_FORM_MAILBOX = 'hpa.pportal@gmail.com';
