/** A request waiting longer than this is overdue (the approvers' queue counts and daily digest). */
export const OVERDUE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/** Requests made before this instant are overdue at `now`. */
export const overdueBefore = (now: Date) => new Date(now.getTime() - OVERDUE_AFTER_MS);
