/**
 * Contract examples for the 帳號申請 fields and rules, shared by three test suites: this
 * package's, the SPA form's and the API's. If all three pass the same table, the browser and
 * the server accept and refuse exactly the same inputs with the same zh-TW message.
 *
 * Data only, no test framework import, so any runner can use it.
 */
import { FIELD_MESSAGES } from './contact-fields.js';
import { NATIONAL_ID_MESSAGES } from './national-id.js';
import type {
  PasswordLevel,
  PasswordRuleCode,
  PasswordScore,
  PasswordUserContext,
} from './password-policy.js';
import { GENERAL_USER_REQUIRES_MANAGER_MESSAGE, type ApplicantRole } from './role-rule.js';

export type FieldName =
  | 'accountName'
  | 'personName'
  | 'nationalId'
  | 'landlinePhone'
  | 'mobilePhone'
  | 'email'
  | 'institutionCode';

export interface FieldFixture {
  readonly field: FieldName;
  /** The guide's label, for test names. */
  readonly label: string;
  /** `normalized`: what the schema outputs (what the API stores). */
  readonly accepted: readonly { value: string | undefined; normalized: string | undefined }[];
  /** `messageIncludes`: a substring of the one zh-TW message expected for this value. */
  readonly rejected: readonly { value: string | undefined; messageIncludes: string }[];
}

const F = FIELD_MESSAGES;

/** A syntactically valid address of `length` (248–300) characters, DNS labels ≤ 63. */
function longEmail(length: number): string {
  const head = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.`;
  return `${head}${'e'.repeat(length - head.length - 3)}.tw`;
}

export const FIELD_FIXTURES: readonly FieldFixture[] = [
  {
    field: 'accountName',
    label: '帳號',
    accepted: [
      { value: 'wangxm', normalized: 'wangxm' },
      { value: 'Wang.XM_01', normalized: 'Wang.XM_01' },
      { value: '  nurse-lin  ', normalized: 'nurse-lin' },
      { value: 'abcd', normalized: 'abcd' },
      { value: 'a1234567890123456789', normalized: 'a1234567890123456789' },
    ],
    rejected: [
      { value: undefined, messageIncludes: F.accountNameRequired },
      { value: '', messageIncludes: F.accountNameRequired },
      { value: '   ', messageIncludes: F.accountNameRequired },
      { value: 'abc', messageIncludes: F.accountNameFormat },
      { value: 'a12345678901234567890', messageIncludes: F.accountNameFormat },
      { value: '1wangxm', messageIncludes: F.accountNameFormat },
      { value: '_wangxm', messageIncludes: F.accountNameFormat },
      { value: 'wang xm', messageIncludes: F.accountNameFormat },
      { value: 'wang@xm', messageIncludes: F.accountNameFormat },
      { value: '王小明帳號', messageIncludes: F.accountNameFormat },
      { value: 'ｗａｎｇｘｍ', messageIncludes: F.accountNameFormat },
    ],
  },
  {
    field: 'personName',
    label: '姓名',
    accepted: [
      { value: '王小明', normalized: '王小明' },
      { value: '  王小明  ', normalized: '王小明' },
      { value: 'Kolas Yotaka', normalized: 'Kolas Yotaka' },
      { value: '林‧美華', normalized: '林‧美華' },
      // 50 characters outside the BMP (two UTF-16 units each) are still 50 characters.
      { value: '𠀋'.repeat(50), normalized: '𠀋'.repeat(50) },
    ],
    rejected: [
      { value: undefined, messageIncludes: F.personNameRequired },
      { value: '', messageIncludes: F.personNameRequired },
      { value: ' \t ', messageIncludes: F.personNameRequired },
      { value: '王'.repeat(51), messageIncludes: F.personNameTooLong },
      { value: '王\u0000小明', messageIncludes: F.personNameControlCharacters },
      { value: '王\u200b小明', messageIncludes: F.personNameControlCharacters },
      { value: '王\u202e小明', messageIncludes: F.personNameControlCharacters },
    ],
  },
  {
    field: 'nationalId',
    label: '身分證',
    accepted: [
      { value: 'A123456789', normalized: 'A123456789' }, // 國民身分證, male
      { value: 'F231123456', normalized: 'F231123456' }, // 國民身分證, female
      { value: ' a123456789 ', normalized: 'A123456789' }, // lower case + blanks
      { value: 'I100000003', normalized: 'I100000003' }, // I = 34: not alphabetical
      { value: 'O100000004', normalized: 'O100000004' }, // O = 35
      { value: 'AA00000009', normalized: 'AA00000009' }, // old 居留證, A → 0
      { value: 'AC01234567', normalized: 'AC01234567' }, // old 居留證, C → 2
      { value: 'BD01234560', normalized: 'BD01234560' }, // old 居留證, D → 3
      { value: 'A800000014', normalized: 'A800000014' }, // new 居留證 (since 2021)
      { value: 'F900000002', normalized: 'F900000002' }, // new 居留證
    ],
    rejected: [
      { value: undefined, messageIncludes: NATIONAL_ID_MESSAGES.required },
      { value: '', messageIncludes: NATIONAL_ID_MESSAGES.required },
      { value: 'A123456788', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // check digit - 1
      { value: 'A123456780', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // check digit + 1
      { value: 'B123456789', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // wrong letter
      { value: 'A323456789', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // 3: no such sex
      { value: 'AE01234567', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // old ARC: A-D only
      { value: 'A700000014', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // new ARC: 8|9 only
      { value: 'A12345678', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // 9 characters
      { value: 'A1234567890', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // 11 characters
      { value: '1234567890', messageIncludes: NATIONAL_ID_MESSAGES.invalid },
      { value: 'A 123456789', messageIncludes: NATIONAL_ID_MESSAGES.invalid },
      { value: 'Ａ１２３４５６７８９', messageIncludes: NATIONAL_ID_MESSAGES.invalid }, // full-width
    ],
  },
  {
    field: 'landlinePhone',
    label: '市話',
    accepted: [
      { value: '02-12345678', normalized: '02-12345678' },
      { value: '02-12345678#123456', normalized: '02-12345678#123456' },
      // The guide's own hint writes the extension with '=': accepted, stored with '#'.
      { value: '02-12345678=123456', normalized: '02-12345678#123456' },
      { value: '049-2345678#1', normalized: '049-2345678#1' },
      { value: '0836-123456', normalized: '0836-123456' },
      { value: ' 07-1234567 ', normalized: '07-1234567' },
    ],
    rejected: [
      { value: undefined, messageIncludes: F.landlineRequired },
      { value: '', messageIncludes: F.landlineRequired },
      { value: '0212345678', messageIncludes: F.landlineFormat }, // no hyphen
      { value: '2-12345678', messageIncludes: F.landlineFormat }, // area code without 0
      { value: '02123-12345678', messageIncludes: F.landlineFormat }, // area code of 5 digits
      { value: '02-12345', messageIncludes: F.landlineFormat }, // 5-digit number
      { value: '02-123456789', messageIncludes: F.landlineFormat }, // 9-digit number
      { value: '02-12345678#1234567', messageIncludes: F.landlineFormat }, // 7-digit extension
      { value: '02-12345678#', messageIncludes: F.landlineFormat }, // empty extension
      { value: '(02)12345678', messageIncludes: F.landlineFormat },
      { value: '02-1234-5678', messageIncludes: F.landlineFormat },
      { value: '02-12345678 #123', messageIncludes: F.landlineFormat },
      { value: '０２-12345678', messageIncludes: F.landlineFormat }, // full-width digits
    ],
  },
  {
    field: 'mobilePhone',
    label: '手機',
    accepted: [
      { value: undefined, normalized: undefined }, // optional
      { value: '', normalized: undefined },
      { value: '   ', normalized: undefined },
      { value: '0912-345678', normalized: '0912-345678' },
      { value: '0912345678', normalized: '0912-345678' },
      { value: ' 0987654321 ', normalized: '0987-654321' },
    ],
    rejected: [
      { value: '912-345678', messageIncludes: F.mobileFormat },
      { value: '0812-345678', messageIncludes: F.mobileFormat },
      { value: '0912-34567', messageIncludes: F.mobileFormat },
      { value: '0912-3456789', messageIncludes: F.mobileFormat },
      { value: '0912 345678', messageIncludes: F.mobileFormat },
      { value: '0912-345-678', messageIncludes: F.mobileFormat },
      { value: '+886912345678', messageIncludes: F.mobileFormat },
      { value: '０９１２-３４５６７８', messageIncludes: F.mobileFormat },
    ],
  },
  {
    field: 'email',
    label: 'E-mail',
    accepted: [
      { value: 'wang.xiaoming@example.com.tw', normalized: 'wang.xiaoming@example.com.tw' },
      { value: ' Nurse+Lin@Hospital.ORG.tw ', normalized: 'Nurse+Lin@Hospital.ORG.tw' },
      // 254 characters exactly (64 + 1 + 3 × 61 + 6).
      { value: longEmail(254), normalized: longEmail(254) },
    ],
    rejected: [
      { value: undefined, messageIncludes: F.emailRequired },
      { value: '', messageIncludes: F.emailRequired },
      { value: 'wang.xiaoming', messageIncludes: F.emailFormat },
      { value: 'wang@example', messageIncludes: F.emailFormat },
      { value: 'wang@@example.com', messageIncludes: F.emailFormat },
      { value: 'wang xm@example.com', messageIncludes: F.emailFormat },
      { value: '王小明@example.com.tw', messageIncludes: F.emailFormat },
      { value: longEmail(255), messageIncludes: F.emailTooLong },
    ],
  },
  {
    field: 'institutionCode',
    label: '機構代碼',
    accepted: [
      { value: '0101090517', normalized: '0101090517' },
      { value: ' 1234567890 ', normalized: '1234567890' },
    ],
    rejected: [
      { value: undefined, messageIncludes: F.institutionRequired },
      { value: '', messageIncludes: F.institutionRequired },
      { value: '   ', messageIncludes: F.institutionRequired },
      { value: '123456789', messageIncludes: F.institutionCodeFormat },
      { value: '12345678901', messageIncludes: F.institutionCodeFormat },
      { value: '12345abcde', messageIncludes: F.institutionCodeFormat },
      { value: '１２３４５６７８９０', messageIncludes: F.institutionCodeFormat },
    ],
  },
];

export interface PasswordFixture {
  readonly password: string;
  /** The form fields fed to zxcvbn (through `collectPasswordUserInputs`). */
  readonly context: PasswordUserContext;
  readonly level: PasswordLevel;
  readonly score: PasswordScore;
  readonly acceptable: boolean;
  /** Exact list, in PASSWORD_RULES order. */
  readonly unmet: readonly PasswordRuleCode[];
  /** Why the example is in the table. */
  readonly note: string;
}

const APPLICANT: PasswordUserContext = {
  accountName: 'wangxm',
  name: '王小明',
  nationalId: 'A123456789',
  email: 'wang.xiaoming@example.com.tw',
};
const NONE: PasswordUserContext = {};
const SIXTEEN = 'Xk7#mQ2~vL9=Rt4!';

export const PASSWORD_FIXTURES: readonly PasswordFixture[] = [
  // The account name inside the password makes it weak: it is the first thing an attacker tries.
  { password: 'Abc12345*', context: { accountName: 'abc12345' }, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: 'account name + "*"' },
  { password: 'Wxm2024#a', context: NONE, level: '強', score: 3, acceptable: true, unmet: [], note: 'fine on its own…' },
  { password: 'Wxm2024#a', context: { accountName: 'wxm2024' }, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: '…but weak when it is the account name' },
  { password: 'Wangxm2024!', context: NONE, level: '強', score: 3, acceptable: true, unmet: [], note: 'no user inputs' },
  { password: 'Wangxm2024!', context: APPLICANT, level: '中', score: 2, acceptable: true, unmet: [], note: 'account name lowers it to 中' },
  { password: 'A123456789a*', context: APPLICANT, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: '身分證 inside' },
  { password: 'Password1!', context: NONE, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: 'dictionary word' },
  { password: 'P4ssw0rd!', context: NONE, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: 'l33t dictionary word' },
  { password: 'Qwerty123!', context: NONE, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: 'keyboard walk' },
  { password: 'Kaohsiung#88', context: NONE, level: '中', score: 2, acceptable: true, unmet: [], note: 'score 2 → 中, the minimum' },
  { password: 'Spring=2023', context: NONE, level: '中', score: 2, acceptable: true, unmet: [], note: 'score 2 → 中' },
  { password: 'Taipei101!', context: NONE, level: '強', score: 3, acceptable: true, unmet: [], note: 'score 3 → 強' },
  { password: 'Tpe*2024*Hosp', context: NONE, level: '強', score: 4, acceptable: true, unmet: [], note: 'score 4 → 強' },
  { password: SIXTEEN, context: NONE, level: '強', score: 4, acceptable: true, unmet: [], note: 'random, 16 characters' },
  { password: SIXTEEN.repeat(4), context: NONE, level: '強', score: 4, acceptable: true, unmet: [], note: '64 characters: the longest allowed' },
  { password: `${SIXTEEN.repeat(4)}a`, context: NONE, level: '弱', score: 4, acceptable: false, unmet: ['MAX_LENGTH'], note: '65 characters: capped to 弱' },
  { password: 'Zz9~Zz9~Zz9~Zz9~Qp3!Kd8#Lm5=Tx2*', context: NONE, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: 'only the first 16 characters are scored: a repeat there stays weak' },
  { password: 'A9*Xjqzvbkwtpmrgd1', context: { accountName: 'xjqzvbkwtpmrgd' }, level: '弱', score: 1, acceptable: false, unmet: ['STRENGTH'], note: 'account name cut by the 16-character window is still recognised' },
  { password: '', context: NONE, level: '弱', score: 0, acceptable: false, unmet: ['MIN_LENGTH', 'UPPERCASE', 'LOWERCASE', 'DIGIT', 'SPECIAL_CHARACTER', 'STRENGTH'], note: 'empty' },
  { password: 'abcdefgh', context: NONE, level: '弱', score: 0, acceptable: false, unmet: ['UPPERCASE', 'DIGIT', 'SPECIAL_CHARACTER', 'STRENGTH'], note: 'lower case only' },
  { password: 'ABCDEFG1*', context: NONE, level: '弱', score: 1, acceptable: false, unmet: ['LOWERCASE', 'STRENGTH'], note: 'no lower case' },
  { password: 'Abcdefg*', context: NONE, level: '弱', score: 2, acceptable: false, unmet: ['DIGIT'], note: 'score 2 but a rule fails: shown as 弱' },
  { password: 'Abcdefg1', context: NONE, level: '弱', score: 1, acceptable: false, unmet: ['SPECIAL_CHARACTER', 'STRENGTH'], note: 'no special character' },
  { password: 'Xk7#mQ2', context: NONE, level: '弱', score: 2, acceptable: false, unmet: ['MIN_LENGTH'], note: '7 characters' },
  { password: 'Abc 123*x', context: NONE, level: '弱', score: 3, acceptable: false, unmet: ['ALLOWED_CHARACTERS'], note: 'space' },
  { password: 'Ａbc12345*', context: NONE, level: '弱', score: 3, acceptable: false, unmet: ['UPPERCASE', 'ALLOWED_CHARACTERS'], note: 'full-width Ａ is not an upper-case letter' },
  { password: 'Abc12345$', context: NONE, level: '弱', score: 1, acceptable: false, unmet: ['SPECIAL_CHARACTER', 'ALLOWED_CHARACTERS', 'STRENGTH'], note: '$ is not one of *~!=#' },
  { password: 'Wang.xiaoming1*', context: APPLICANT, level: '弱', score: 1, acceptable: false, unmet: ['ALLOWED_CHARACTERS', 'STRENGTH'], note: 'e-mail local part; "." not allowed' },
];

export interface RoleFixture {
  readonly role: ApplicantRole;
  readonly hasManager: boolean;
  readonly allowed: boolean;
  readonly message?: string;
}

export const ROLE_FIXTURES: readonly RoleFixture[] = [
  { role: 'INSTITUTION_MANAGER', hasManager: false, allowed: true },
  { role: 'INSTITUTION_MANAGER', hasManager: true, allowed: true },
  { role: 'GENERAL_USER', hasManager: true, allowed: true },
  { role: 'GENERAL_USER', hasManager: false, allowed: false, message: GENERAL_USER_REQUIRES_MANAGER_MESSAGE },
];
