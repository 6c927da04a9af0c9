import type { Prisma } from '@portal/db';
import { ACCOUNT_ROLE_LABELS, type Session } from '@portal/shared';

/** What the session body shows of an account; select it with `sessionAccountSelect`. */
export const sessionAccountSelect = {
  id: true,
  accountName: true,
  name: true,
  role: true,
  institution: { select: { code: true, name: true } },
  managedSubsystems: {
    select: { subsystem: { select: { code: true, name: true, sortOrder: true } } },
  },
} satisfies Prisma.AccountSelect;

export type SessionAccount = Prisma.AccountGetPayload<{ select: typeof sessionAccountSelect }>;

export function toSessionBody(
  account: SessionAccount,
  cookies: { csrfToken: string; accessExpiresAt: Date },
): Session {
  return {
    id: account.id,
    accountName: account.accountName,
    name: account.name,
    role: account.role,
    roleLabel: ACCOUNT_ROLE_LABELS[account.role],
    institution: account.institution,
    managedSubsystems: account.managedSubsystems
      .map(({ subsystem }) => subsystem)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ code, name }) => ({ code, name })),
    csrfToken: cookies.csrfToken,
    accessExpiresAt: cookies.accessExpiresAt.toISOString(),
  };
}
