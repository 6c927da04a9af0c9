/**
 * How an institution's name is matched by 機構查詢: ONE rule for what is stored (the seed, 系統人員's
 * create and edit) and for what is typed, so that 台/臺, full-width and half-width letters and
 * upper and lower case find each other.
 *
 * The stored form is `searchName` (the folded name) and `searchGrams` (its single characters and
 * pairs of characters), which a GIN index serves: a query's pairs must all be among a name's
 * pairs, then `searchName` must contain the folded query. Pairs, not trigrams: most Chinese
 * searches are two characters (仁心, 臺北, 診所), from which a trigram index extracts nothing.
 */

/**
 * Variant characters folded to the form the official directory uses. Common in what people
 * type (台 for 臺) and in names copied from other systems (衞, 峯, 羣 …); each pair is
 * interchangeable in an institution's name. The migration that added the search columns folds
 * the same list in SQL (a test keeps the two equal).
 */
export const INSTITUTION_NAME_VARIANTS: Readonly<Record<string, string>> = {
  台: '臺', 衞: '衛', 峯: '峰', 羣: '群', 裏: '裡', 舖: '鋪', 温: '溫', 户: '戶', 眞: '真', 爲: '為',
  内: '內', 黄: '黃', 鄕: '鄉', 敎: '教', 淸: '清', 靑: '青', 冲: '沖', 綫: '線', 鷄: '雞', 衆: '眾',
  啓: '啟', 恒: '恆', 綉: '繡', 濶: '闊', 麪: '麵', 麫: '麵', 蔴: '麻', 厦: '廈', 隣: '鄰', 舘: '館',
};

/**
 * The folded form of a name or a query: compatibility forms (full-width letters and digits,
 * CJK compatibility ideographs) to their plain forms (NFKC), lower case, variant characters to
 * one form, and no white space (「仁心 診所」 and 「仁心診所」 are the same name).
 */
export function foldInstitutionName(value: string): string {
  let folded = '';
  for (const char of value.normalize('NFKC').toLowerCase()) {
    if (/\s/u.test(char)) continue;
    folded += INSTITUTION_NAME_VARIANTS[char] ?? char;
  }
  return folded;
}

function pairsOf(chars: readonly string[]): string[] {
  return chars.slice(1).map((char, i) => chars[i]! + char);
}

/** What the seed and every write store beside the name. */
export function institutionSearchFields(name: string): { searchName: string; searchGrams: string[] } {
  const searchName = foldInstitutionName(name);
  const chars = [...searchName];
  return { searchName, searchGrams: [...new Set([...chars, ...pairsOf(chars)])] };
}

/**
 * What a name query looks for: the folded text (which `searchName` must contain) and the grams
 * every match holds (one character, or the query's pairs). Empty when the query folds to nothing.
 */
export function institutionNameQuery(q: string): { text: string; grams: string[] } {
  const text = foldInstitutionName(q);
  const chars = [...text];
  return { text, grams: chars.length === 1 ? chars : [...new Set(pairsOf(chars))] };
}

/**
 * A search counts its matches only up to here: counting every match of 「診所」 in a large
 * directory costs more than the page itself, and a person does not page through a thousand.
 */
export const INSTITUTION_SEARCH_COUNT_CAP = 1_000;

/** Said instead of a count when a search matched more than the cap. */
export const INSTITUTION_SEARCH_CAPPED_MESSAGE = `超過 ${INSTITUTION_SEARCH_COUNT_CAP.toLocaleString('en-US')} 筆，請輸入更多字。`;
