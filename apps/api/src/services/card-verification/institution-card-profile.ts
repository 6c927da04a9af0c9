/**
 * What makes a certificate a 醫事機構卡 (institution card) and where its 機構代碼 is.
 *
 * The choice (configurable, because the HCA's exact certificate profile could not be confirmed
 * from public material while this was written):
 *
 * - **Marker**: the certificate must carry at least one of `policyOids` in its
 *   certificatePolicies extension, and — when `subjectOrganizationalUnit` is set — a subject
 *   OU equal to it (default 「醫事機構」). A certificate policy OID is the PKIX way a CA says
 *   "this is that kind of certificate"; the OU is a second, human-readable marker. Both are
 *   assertions of the issuing CA, and are only trusted after the chain to a configured trust
 *   anchor has been verified. At least one marker must be configured.
 * - **機構代碼**: exactly one subject attribute `institutionCodeAttributeOid` (default
 *   2.5.4.5 serialNumber, the X.520 attribute meant for an entity's registration number)
 *   holding exactly ten digits.
 *
 * For the real HCA, set CARD_INSTITUTION_POLICY_OIDS / CARD_INSTITUTION_OU /
 * CARD_INSTITUTION_CODE_ATTRIBUTE from the HCA's certificate profile (CP/CPS) before go-live.
 */
export interface InstitutionCardProfile {
  /** Any-of. Empty = no policy check (then `subjectOrganizationalUnit` must be set). */
  policyOids: readonly string[];
  /** When set, the subject must contain an OU equal to this. */
  subjectOrganizationalUnit?: string;
  /** OID of the subject attribute that holds the 機構代碼. */
  institutionCodeAttributeOid: string;
}

export const OID_SUBJECT_SERIAL_NUMBER = '2.5.4.5';
export const OID_ORGANIZATIONAL_UNIT = '2.5.4.11';

/**
 * The test PKI's markers (tools/card-sim). The 2.999 arc is ITU-T/ISO's "example" arc: no real
 * CA issues under it. Trusted only via CARD_TRUST_TEST_CA=true (see trust-store.ts).
 */
export const TEST_PKI_POLICY_OID = '2.999.886.101.1';
export const TEST_INSTITUTION_CARD_POLICY_OID = '2.999.886.101.1.1';
export const INSTITUTION_CARD_OU = '醫事機構';

export const TEST_INSTITUTION_CARD_PROFILE: InstitutionCardProfile = {
  policyOids: [TEST_INSTITUTION_CARD_POLICY_OID],
  subjectOrganizationalUnit: INSTITUTION_CARD_OU,
  institutionCodeAttributeOid: OID_SUBJECT_SERIAL_NUMBER,
};

export function assertUsableProfile(profile: InstitutionCardProfile): void {
  if (profile.policyOids.length === 0 && !profile.subjectOrganizationalUnit) {
    throw new Error('institution card profile needs a policy OID or a subject OU marker');
  }
  if (!/^\d+(\.\d+)+$/.test(profile.institutionCodeAttributeOid)) {
    throw new Error('institutionCodeAttributeOid must be a dotted OID');
  }
}
