import { rocYearOf } from '@portal/shared';
import { formatTaipeiDate } from '../../../lib/format';

/** With the 民國 year that counters and paper forms use: 1986/03/15（民國 75 年）. */
export const dateWithRocYear = (date: string) => `${formatTaipeiDate(date)}（民國 ${rocYearOf(date)} 年）`;
