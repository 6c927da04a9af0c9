import { DEMO_ACCOUNTS, DEMO_PASSWORD, storedFeaturedScreeningPeople } from '@portal/db';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { parseEnv } from './env.js';

const env = parseEnv(process.env);
const started = performance.now();
const { db, nationalIdCrypto, secrets, applied, seed } = await bootstrap(env);
const app = await buildApp({ env, db, nationalIdCrypto, jwtSecret: secrets.jwtSecret });
app.log.info({ migrationsApplied: applied, seed }, 'database ready');

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // Stop accepting, let in-flight requests finish, then release the database.
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: env.HOST, port: env.PORT });
const url = env.PUBLIC_ORIGIN;
const lines = [
  '',
  '醫療院所預防保健暨戒菸服務單一入口系統',
  `  入口網站      ${url}/`,
  `  API 文件      ${url}/api/docs`,
  `  Node.js       ${process.version}`,
  `  資料庫        ${db.kind === 'pglite' ? `PGlite (${env.DATA_DIR}/pglite)` : 'PostgreSQL'}`,
  `  啟動時間      ${Math.round(performance.now() - started)} ms`,
];
if (env.SEED_DEMO) {
  lines.push('', `示範帳號（密碼皆為 ${DEMO_PASSWORD}）：`);
  for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.accountName.padEnd(18)} ${account.description}`);
  lines.push('  示範診所 9900000002 尚無單位業務管理者，可試申請。');
  lines.push('', '篩檢結果查詢示範民眾（以 demouser 或 demomanager 登入後查詢；身分證／出生日期）：');
  for (const person of await storedFeaturedScreeningPeople(db.prisma, nationalIdCrypto)) {
    lines.push(`  ${person.nationalId}  ${person.birthDate}  ${person.name}：${person.description}`);
  }
}
console.log(lines.join('\n') + '\n');
