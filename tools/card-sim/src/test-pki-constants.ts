/**
 * Markers of the test PKI. Kept in step with
 * apps/api/src/services/card-verification/institution-card-profile.ts (an API test asserts it).
 * The 2.999 arc is the ITU-T/ISO "example" arc: no real CA issues certificates under it.
 */
export const TEST_PKI_POLICY_OID = '2.999.886.101.1';
export const TEST_INSTITUTION_CARD_POLICY_OID = '2.999.886.101.1.1';
/** A personal card (醫事人員卡-like): same PKI, not an institution card. */
export const TEST_PERSONAL_CARD_POLICY_OID = '2.999.886.101.1.2';
export const INSTITUTION_CARD_OU = '醫事機構';
export const OID_SUBJECT_SERIAL_NUMBER = '2.5.4.5';

/** File names in the output folder (the API's trust store reads the first three). */
export const TEST_PKI_FILES = {
  rootCa: 'test-root-ca.pem',
  intermediateCa: 'test-intermediate-ca.pem',
  crl: 'test-intermediate-ca.crl.pem',
  untrustedRootCa: 'test-untrusted-root-ca.pem',
  cards: 'cards.json',
} as const;

export const DEMO_INSTITUTIONS = [
  { code: '9900000001', name: '示範醫院' },
  { code: '9900000002', name: '示範診所' },
] as const;
