/** A failed API call, carrying the zh-TW `message` that is safe to show to the user. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** From Retry-After (429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** 4xx: asking again will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

/**
 * Puts the API's field errors (of a 400) on these fields of a react-hook-form form; returns the
 * fields that got one, in the given order (the first is where focus belongs).
 */
export function showFieldErrors<Name extends string>(
  error: unknown,
  names: readonly Name[],
  setError: (name: Name, error: { type: string; message: string }) => void,
): Name[] {
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : undefined;
  return names.filter((name) => {
    const message = fieldErrors?.[name]?.[0];
    if (message) setError(name, { type: 'server', message });
    return Boolean(message);
  });
}
