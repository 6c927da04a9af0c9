import { describe, expect, it } from 'vitest';
import { PASSWORD_FIXTURES } from '../../src/rules/fixtures.js';
import {
  PASSWORD_POLICY_TEXT,
  PASSWORD_RULES,
  checkPasswordComposition,
  collectPasswordUserInputs,
  combinePasswordVerdict,
  levelForScore,
  passwordLength,
} from '../../src/rules/password-policy.js';
import {
  ZXCVBN_EVALUATED_LENGTH,
  evaluatePassword,
  zxcvbnUserInputs,
} from '../../src/rules/password-strength.js';

describe('evaluatePassword over the shared fixtures', () => {
  it.each(PASSWORD_FIXTURES)('$password ($note)', ({ password, context, level, score, acceptable, unmet }) => {
    const verdict = evaluatePassword(password, collectPasswordUserInputs(context));
    expect({ ...verdict, unmet: verdict.unmet.map((rule) => rule.code) }).toEqual({
      level,
      score,
      acceptable,
      unmet,
    });
  });
});

describe('policy text and rules', () => {
  it('policy text is the seed wording', () => {
    expect(PASSWORD_POLICY_TEXT).toBe(
      '請將密碼通過強度"中"以上，長度不得小於八碼，須包含大小寫英文、數字以及特殊符號(僅限下列特殊字元*~!=#)',
    );
  });

  it('each rule carries its code and zh-TW message', () => {
    expect(Object.values(PASSWORD_RULES).map((r) => `${r.code}: ${r.message}`)).toEqual([
      'MIN_LENGTH: 密碼長度不得小於八碼',
      'MAX_LENGTH: 密碼長度不得大於 64 碼',
      'UPPERCASE: 密碼須包含大寫英文字母',
      'LOWERCASE: 密碼須包含小寫英文字母',
      'DIGIT: 密碼須包含數字',
      'SPECIAL_CHARACTER: 密碼須包含特殊符號（僅限下列特殊字元 *~!=#）',
      'ALLOWED_CHARACTERS: 密碼僅可使用半形英文字母、數字及特殊字元 *~!=#（不可含空白或全形字）',
      'STRENGTH: 密碼強度須達「中」以上',
    ]);
  });
});

describe('checkPasswordComposition (no zxcvbn)', () => {
  const codes = (password: string) => checkPasswordComposition(password).map((r) => r.code);

  it.each(['*', '~', '!', '=', '#'])('each allowed special character %s is enough', (special) => {
    expect(codes(`Abcdef1${special}`)).toEqual([]);
  });

  it.each(['@', '$', '%', '^', '&', '(', '-', '_', '.', ' ', '\t', '＊', '！', '＃', 'é', '中', '😀'])(
    'refuses %j',
    (other) => {
      expect(codes(`Abcdef1*${other}`)).toEqual(['ALLOWED_CHARACTERS']);
    },
  );

  it('length boundaries 7 / 8 / 64 / 65', () => {
    expect(codes('Abcde1*')).toEqual(['MIN_LENGTH']);
    expect(codes('Abcdef1*')).toEqual([]);
    expect(codes(`Abcdef1*${'x'.repeat(56)}`)).toEqual([]);
    expect(codes(`Abcdef1*${'x'.repeat(57)}`)).toEqual(['MAX_LENGTH']);
  });

  it('counts code points: 7 ASCII + 1 emoji is 8 characters', () => {
    expect(passwordLength('Abcde1*😀')).toBe(8);
    expect(codes('Abcde1*😀')).toEqual(['ALLOWED_CHARACTERS']);
  });

  it('full-width letters and digits do not count as letters or digits', () => {
    expect(codes('ＡＢＣａｂｃ１２＊')).toEqual([
      'UPPERCASE',
      'LOWERCASE',
      'DIGIT',
      'SPECIAL_CHARACTER',
      'ALLOWED_CHARACTERS',
    ]);
  });

  it('is linear on a huge input', () => {
    expect(codes(`${'a'.repeat(1_000_000)}A1*`)).toEqual(['MAX_LENGTH']);
  });
});

describe('score → level', () => {
  it('0–1 弱, 2 中, 3–4 強', () => {
    expect(([0, 1, 2, 3, 4] as const).map(levelForScore)).toEqual(['弱', '弱', '中', '強', '強']);
  });

  it('a composition failure caps the level at 弱 without adding STRENGTH', () => {
    expect(combinePasswordVerdict(4, [PASSWORD_RULES.DIGIT])).toEqual({
      level: '弱',
      score: 4,
      unmet: [PASSWORD_RULES.DIGIT],
      acceptable: false,
    });
  });

  it('a weak score adds STRENGTH', () => {
    expect(combinePasswordVerdict(1, [])).toEqual({
      level: '弱',
      score: 1,
      unmet: [PASSWORD_RULES.STRENGTH],
      acceptable: false,
    });
  });
});

describe('user inputs', () => {
  it('collects account, 姓名, 身分證, e-mail, local part and its pieces, without duplicates', () => {
    expect(
      collectPasswordUserInputs({
        accountName: ' WangXM ',
        name: '王小明',
        nationalId: 'A123456789',
        email: 'wang.xiaoming@example.com.tw',
      }),
    ).toEqual(['WangXM', '王小明', 'A123456789', 'wang.xiaoming@example.com.tw', 'wang.xiaoming', 'wang', 'xiaoming']);
    expect(collectPasswordUserInputs({ accountName: 'wangxm', email: 'WANGXM@example.com', name: '' })).toEqual([
      'wangxm',
      'WANGXM@example.com',
    ]);
    expect(collectPasswordUserInputs({})).toEqual([]);
  });

  it('adds leading pieces of user inputs only when the password is truncated', () => {
    expect(zxcvbnUserInputs('Short1*x', ['wangxm'])).toEqual(['wangxm']);
    expect(zxcvbnUserInputs('x'.repeat(ZXCVBN_EVALUATED_LENGTH + 1), ['wangxm', ' '])).toEqual([
      'wangxm',
      'wang',
      'wangx',
    ]);
  });
});

describe('CPU bound: only the first 16 characters are scored', () => {
  it('two passwords sharing their first 16 characters get the same verdict', () => {
    const head = 'Xk7#mQ2~vL9=Rt4!';
    const a = evaluatePassword(`${head}${'a'.repeat(48)}`, []);
    const b = evaluatePassword(`${head}Zq8~Lp3=Wn5#Ty6*Zq8~Lp3=Wn5#Ty6*Zq8~Lp3=Wn5#Ty6*`, []);
    expect(a).toEqual({ level: '強', score: 4, unmet: [], acceptable: true });
    expect(b).toEqual(a);
  });

  it('a huge input is answered (MAX_LENGTH) without scoring more than 16 characters', () => {
    const verdict = evaluatePassword(`Xk7#mQ2~vL9=Rt4!${'a'.repeat(100_000)}`, []);
    expect(verdict).toEqual({ level: '弱', score: 4, unmet: [PASSWORD_RULES.MAX_LENGTH], acceptable: false });
  });
});
