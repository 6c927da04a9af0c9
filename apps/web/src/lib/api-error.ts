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
