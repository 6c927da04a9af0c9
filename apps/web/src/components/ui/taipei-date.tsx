import { formatTaipeiDate, taipeiDateTimeAttribute } from '../../lib/format';

/** A date as people in Taiwan read it (YYYY/MM/DD, Asia/Taipei), with the exact instant for machines. */
export function TaipeiDate({ at }: { at: string }) {
  return <time dateTime={taipeiDateTimeAttribute(at)}>{formatTaipeiDate(at)}</time>;
}
