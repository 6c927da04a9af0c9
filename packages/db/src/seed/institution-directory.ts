import { CITIES, type InstitutionKind } from '@portal/shared';
import { pick, seededRandom } from './deterministic.ts';

/**
 * A synthetic directory of institutions for demos and benchmarks. Every name starts with
 * 「示範」 so nobody mistakes it for a real institution. Codes are 10 digits:
 * city (01–22) ‖ kind digit ‖ 7-digit serial; the prefix 99 is kept for the fixed demo data.
 */
export interface SyntheticInstitution {
  code: string;
  name: string;
  kind: InstitutionKind;
  city: string;
}

const KIND_SHARE: readonly [InstitutionKind, number, string[]][] = [
  ['CLINIC', 0.62, ['診所', '內科診所', '小兒科診所', '家醫科診所', '耳鼻喉科診所', '婦產科診所', '牙醫診所']],
  ['PHARMACY', 0.28, ['藥局', '健保藥局', '社區藥局']],
  ['HOSPITAL', 0.08, ['醫院', '綜合醫院', '紀念醫院']],
  ['HEALTH_CENTER', 0.02, ['衛生所']],
];

const KIND_DIGIT: Record<InstitutionKind, string> = {
  HOSPITAL: '1',
  CLINIC: '3',
  PHARMACY: '5',
  HEALTH_CENTER: '7',
};

const NAME_WORDS = [
  '仁心', '安康', '康寧', '博愛', '懷德', '同心', '長青', '福安', '祥和', '惠民', '健行', '晨光',
  '永春', '和平', '信義', '中正', '光明', '青山', '松柏', '天恩', '德馨', '慈光', '百合', '向陽',
  '大同', '興隆', '文華', '昇平', '瑞安', '嘉禾', '新生', '綠野', '春暉', '海濱', '山城', '柏園',
];

function kindFor(roll: number): (typeof KIND_SHARE)[number] {
  let total = 0;
  for (const entry of KIND_SHARE) {
    total += entry[1];
    if (roll < total) return entry;
  }
  return KIND_SHARE[0]!;
}

export function syntheticInstitutions(count: number, seed = 20_261_126): SyntheticInstitution[] {
  const random = seededRandom(seed);
  const serials = new Map<string, number>();
  const seenNames = new Set<string>();
  const result: SyntheticInstitution[] = [];
  for (let i = 0; i < count; i += 1) {
    const cityIndex = Math.floor(random() * CITIES.length);
    const city = CITIES[cityIndex]!;
    const [kind, , suffixes] = kindFor(random());
    const prefix = `${String(cityIndex + 1).padStart(2, '0')}${KIND_DIGIT[kind]}`;
    const serial = (serials.get(prefix) ?? 0) + 1;
    serials.set(prefix, serial);
    const place = city.slice(0, 2);
    const base = `示範${place}${pick(random, NAME_WORDS)}${pick(random, NAME_WORDS)}`;
    const suffix = kind === 'HEALTH_CENTER' ? '衛生所' : pick(random, suffixes);
    let name = `${base}${suffix}`;
    // Names are unique within the directory, as a person picking from a list would expect.
    for (let n = 2; seenNames.has(name); n += 1) name = `${base}第${n}${suffix}`;
    seenNames.add(name);
    result.push({ code: `${prefix}${String(serial).padStart(7, '0')}`, name, kind, city });
  }
  return result;
}
