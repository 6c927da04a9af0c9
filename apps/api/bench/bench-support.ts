/** Nearest-rank percentile of a list of timings. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const NAME_PARTS = ['示範', '仁心', '安康', '臺北', '新竹', '診所', '藥局', '醫院', '衛生所', '康寧'];

/**
 * A fixed mix of what people type into 請選擇單位: code prefixes of 2–8 digits (most common:
 * they copy the code from their card), name fragments, and the occasional empty search.
 */
export function seededQueries(count: number): string[] {
  let state = 42;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: count }, (_, i) => {
    const roll = next();
    if (i % 20 === 0) return '';
    if (roll < 0.6) {
      const city = String(1 + Math.floor(next() * 22)).padStart(2, '0');
      const digits = `${city}${'1357'[Math.floor(next() * 4)]}${String(Math.floor(next() * 10_000_000)).padStart(7, '0')}`;
      return digits.slice(0, 2 + Math.floor(next() * 7));
    }
    return NAME_PARTS[Math.floor(next() * NAME_PARTS.length)]!;
  });
}
