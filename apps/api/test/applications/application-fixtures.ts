import { makeTaiwanIdWithChecksum, type AccountApplicationInput } from '@portal/shared';

let counter = 0;
/** A unique loopback address per request, so the per-IP limit only bites where a test wants it. */
export const nextAddress = () => {
  counter += 1;
  return `127.1.${Math.floor(counter / 250)}.${(counter % 250) + 1}`;
};

/** A valid application whose personal data shares nothing with the passwords under test. */
export function validApplication(overrides: Partial<AccountApplicationInput> = {}): AccountApplicationInput {
  counter += 1;
  return {
    institutionCode: '9900000001',
    role: 'GENERAL_USER',
    accountName: `applicant${counter}`,
    password: 'Tpe*2024*Hosp',
    passwordConfirm: overrides.password ?? 'Tpe*2024*Hosp',
    nationalId: makeTaiwanIdWithChecksum(`F2${String(20_000_000 + counter).slice(-7)}`),
    name: '林測試',
    phone: '02-25220878#123',
    mobile: '0912-345678',
    email: `applicant${counter}@example.org`,
    subsystems: [],
    ...overrides,
  };
}
