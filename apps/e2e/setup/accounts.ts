/** The password of every demo account the seed creates. */
export const DEMO_PASSWORD = 'Portal*Demo=2026';

/** The password the browser tests give the accounts they apply for themselves. */
export const APPLICANT_PASSWORD = 'Tpe*2024*Hosp';

/**
 * A suffix unique to this run: every run seeds a fresh database, but the tests of one file share
 * it, so the accounts they create need names of their own.
 */
export const runSuffix = (): string => Date.now().toString(36).slice(-6);
