import { rocYearOf } from '@portal/shared';

/** A plain date (YYYY-MM-DD) as the seed shows dates: 2026/03/02. */
export const slashDate = (date: string) => date.replaceAll('-', '/');

/** With the 民國 year that counters and paper forms use: 1986/03/15（民國 75 年）. */
export const dateWithRocYear = (date: string) => `${slashDate(date)}（民國 ${rocYearOf(date)} 年）`;
