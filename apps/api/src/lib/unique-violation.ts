import { Prisma } from '@portal/db';

/**
 * Whether `error` is a unique-constraint violation on `column` (snake_case). Prisma reports the
 * target differently through driver adapters (field names, or the constraint in the driver's
 * error), so the check looks at the whole error metadata.
 */
export function isUniqueViolation(error: unknown, column: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  const camel = column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const meta = JSON.stringify(error.meta ?? {});
  return meta.includes(column) || meta.includes(camel);
}
