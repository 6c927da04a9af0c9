import {
  APPLICATION_MESSAGES,
  canApplyForRole,
  collectPasswordUserInputs,
  type AccountApplication,
  type ApplicationResult,
} from '@portal/shared';
import { evaluatePassword } from '../../lib/password-strength.js';
import { hashPassword, type NationalIdCrypto, type PrismaClient } from '@portal/db';
import { fieldError as refuse, HttpError } from '../../errors/http-error.js';
import { withNewApplicationNumber } from '../../lib/application-number.js';
import { isUniqueViolation } from '../../lib/unique-violation.js';
import { recordAudit, type RequestOrigin } from '../audit/record-audit.js';
import { lockInstitution } from '../institutions/institution-lock.js';
import { countManagers } from '../institutions/managers.js';
import { enqueueTemplate, type WithMail } from '../mail/outbox.js';

/** Accounts that still stand for their person at the institution (a rejected or deactivated one does not). */
const OPEN_ACCOUNT_STATUSES = ['PENDING_VERIFICATION', 'PENDING_APPROVAL', 'ACTIVE'] as const;

/**
 * 帳號申請 (flow 1 and 5). The password policy and the role rule are the shared functions the
 * form runs too. The role rule and the account-name check are made inside the transaction that
 * creates the account, after locking the institution's row: every change to whether an
 * institution has a manager takes the same lock, so no application can be decided on a stale
 * answer. The unique index on the lower-cased name settles same-name races across institutions.
 */
export async function submitApplication(
  deps: { prisma: PrismaClient; crypto: NationalIdCrypto; publicOrigin: string },
  input: AccountApplication,
  origin: RequestOrigin,
): Promise<WithMail<ApplicationResult>> {
  const { prisma, crypto } = deps;
  const verdict = await evaluatePassword(
    input.password,
    collectPasswordUserInputs({ accountName: input.accountName, name: input.name, nationalId: input.nationalId, email: input.email }),
  );
  if (!verdict.acceptable) {
    throw new HttpError(400, 'WEAK_PASSWORD', APPLICATION_MESSAGES.weakPassword, {
      password: verdict.unmet.map((rule) => rule.message),
    });
  }
  const subsystems = await prisma.subsystem.findMany({
    where: { code: { in: input.subsystems }, active: true },
    select: { id: true, code: true, name: true, sortOrder: true },
    orderBy: { sortOrder: 'asc' },
  });
  if (subsystems.length !== input.subsystems.length) {
    throw refuse(400, 'VALIDATION_FAILED', 'subsystems', APPLICATION_MESSAGES.subsystemUnknown);
  }
  const passwordHash = await hashPassword(input.password);
  const accountNameKey = input.accountName.toLowerCase();
  const isManager = input.role === 'INSTITUTION_MANAGER';
  const nationalIdHash = crypto.lookupHash(input.nationalId);

  try {
    const result = await withNewApplicationNumber('AP', 'application_no', () => new Date(), createInTransaction);
    // The 帳號申請已受理 mail was queued in the same transaction.
    return { result, mailQueued: true };
  } catch (error) {
    if (isUniqueViolation(error, 'account_name_key')) {
      throw refuse(409, 'ACCOUNT_NAME_TAKEN', 'accountName', APPLICATION_MESSAGES.accountNameTaken);
    }
    throw error;
  }

  function createInTransaction(applicationNo: string) {
    return prisma.$transaction(async (tx) => {
      const institution = await lockInstitution(tx, { code: input.institutionCode });
      if (!institution || institution.closedAt) {
        throw refuse(404, 'INSTITUTION_NOT_FOUND', 'institutionCode', APPLICATION_MESSAGES.institutionNotFound);
      }
      const decision = canApplyForRole(input.role, { hasManager: (await countManagers(tx, institution.id)) > 0 });
      if (!decision.allowed) throw refuse(422, 'ROLE_RULE', 'role', decision.message);
      if (await tx.account.findUnique({ where: { accountNameKey }, select: { id: true } })) {
        throw refuse(409, 'ACCOUNT_NAME_TAKEN', 'accountName', APPLICATION_MESSAGES.accountNameTaken);
      }
      // One person, one account per institution (decision 011): checked under the institution's
      // lock, which every application to it takes, so two at once cannot both pass.
      const samePerson = await tx.account.findFirst({
        where: { institutionId: institution.id, nationalIdHash, status: { in: [...OPEN_ACCOUNT_STATUSES] } },
        select: { id: true },
      });
      if (samePerson) throw refuse(409, 'NATIONAL_ID_HAS_ACCOUNT', 'nationalId', APPLICATION_MESSAGES.nationalIdHasAccount);
      const now = new Date();
      const account = await tx.account.create({
        data: {
          accountName: input.accountName,
          accountNameKey,
          passwordHash,
          nationalIdCipher: crypto.encrypt(input.nationalId),
          nationalIdHash,
          name: input.name,
          phone: input.phone,
          mobile: input.mobile ?? null,
          email: input.email,
          role: input.role,
          status: isManager ? 'PENDING_VERIFICATION' : 'PENDING_APPROVAL',
          verificationMethod: isManager ? null : 'MANAGER_APPROVAL',
          applicationNo,
          institutionId: institution.id,
          subsystemAccesses: { create: subsystems.map((s) => ({ subsystemId: s.id, requestedAt: now })) },
        },
        select: { id: true, applicationNo: true, status: true },
      });
      await recordAudit(
        tx,
        {
          actorId: account.id,
          action: 'account.applied',
          entityType: 'account',
          entityId: account.id,
          // Never the password or the 身分證: the audit trail is readable by staff.
          after: {
            accountName: input.accountName,
            role: input.role,
            status: account.status,
            institutionCode: institution.code,
            subsystems: subsystems.map((s) => s.code),
          },
        },
        origin,
      );
      const result: ApplicationResult = {
        applicationNo: account.applicationNo!,
        accountName: input.accountName,
        role: input.role,
        status: account.status,
        institution: { code: institution.code, name: institution.name },
        subsystems: subsystems.map((s) => ({ code: s.code, name: s.name, status: 'PENDING' as const })),
        nextStep: isManager ? 'INSTITUTION_VERIFICATION' : 'MANAGER_APPROVAL',
      };
      await enqueueTemplate(tx, 'application-received', input.email, {
        origin: deps.publicOrigin,
        name: input.name,
        applicationNo: result.applicationNo,
        accountName: result.accountName,
        institution: result.institution,
        role: result.role,
        nextStep: result.nextStep,
        subsystems: result.subsystems.map((s) => s.name),
      });
      return result;
    });
  }
}
