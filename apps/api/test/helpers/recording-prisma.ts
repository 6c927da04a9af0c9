import type { PrismaClient } from '@portal/db';

/**
 * A PrismaClient that notes every model call (`account.findFirst` …) and `$transaction`, with
 * the names of the `where` fields, and can hold every model call until released. For tests that
 * compare the work two answers did (decision 010: the answer must not depend on whether an
 * account exists), not their times.
 */
export function recordingPrisma(prisma: PrismaClient) {
  const calls: string[] = [];
  let gate: Promise<void> | undefined;
  const modelProxy = (name: string, model: object) =>
    new Proxy(model, {
      get(target, method) {
        const fn = Reflect.get(target, method) as unknown;
        if (typeof fn !== 'function') return fn;
        return async (...args: unknown[]) => {
          const where = (args[0] as { where?: object } | undefined)?.where;
          calls.push(`${name}.${String(method)}(${Object.keys(where ?? {}).sort().join(',')})`);
          await gate;
          return (fn as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const client = new Proxy(prisma, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === '$transaction' && typeof value === 'function') {
        return (...args: unknown[]) => {
          calls.push('$transaction');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (typeof prop === 'string' && !prop.startsWith('$') && value && typeof value === 'object' && 'findFirst' in value) {
        return modelProxy(prop, value);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    prisma: client,
    /** The calls noted since the last take, and a fresh start. */
    take: () => calls.splice(0),
    /** Holds every model call from now until the returned function is called. */
    hold: () => {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}
