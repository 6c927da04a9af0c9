/**
 * The ten subsystems the portal opens (docs/product.md, "Data"): what the seed writes, and what
 * the SPA's tests answer in place of the API.
 */
export const PORTAL_SUBSYSTEMS = [
  { code: 'adult-preventive', name: '成人預防保健', description: '成人預防保健服務之登錄、查詢與申報。' },
  { code: 'child-preventive', name: '兒童預防保健', description: '兒童預防保健服務及兒童衛教指導之登錄與查詢。' },
  { code: 'prenatal', name: '孕婦產前檢查', description: '孕婦產前檢查及產前衛教指導之登錄與查詢。' },
  { code: 'cervical-cancer', name: '子宮頸癌篩檢', description: '子宮頸抹片檢查之登錄、查詢與追蹤。' },
  { code: 'breast-cancer', name: '乳癌篩檢', description: '乳房X光攝影檢查之登錄、查詢與追蹤。' },
  { code: 'colorectal-cancer', name: '大腸癌篩檢', description: '糞便潛血檢查之登錄、查詢與追蹤。' },
  { code: 'oral-cancer', name: '口腔癌篩檢', description: '口腔黏膜檢查之登錄、查詢與追蹤。' },
  { code: 'lung-cancer', name: '肺癌篩檢', description: '低劑量電腦斷層肺癌篩檢之登錄與查詢。' },
  { code: 'hepatitis-bc', name: 'B、C型肝炎篩檢', description: '成人B、C型肝炎篩檢之登錄與查詢。' },
  { code: 'smoking-cessation', name: '戒菸服務', description: '戒菸治療及戒菸衛教服務之登錄與申報。' },
] as const;
