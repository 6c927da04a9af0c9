import closeWithGrace from 'close-with-grace';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storedFeaturedScreeningPeople } from '@portal/db';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { EnvError, parseEnv, type Env } from './env.js';

let env: Env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  // The refused settings, one line each, without a stack trace that would bury them.
  console.error(error.message);
  process.exit(1);
}
const started = performance.now();
const { db, nationalIdCrypto, secrets, applied, seed } = await bootstrap(env);
const app = await buildApp({ env, db, nationalIdCrypto, jwtSecret: secrets.jwtSecret });
app.log.info({ migrationsApplied: applied, seed }, 'database ready');

// SIGTERM/SIGINT (or a crash): stop accepting, let in-flight requests finish, wait for the mail
// dispatcher's current step, close Redis (the app's onClose hooks), then the database. Whatever
// has not finished after SHUTDOWN_TIMEOUT_MS is cut off with exit code 1.
closeWithGrace({ delay: env.SHUTDOWN_TIMEOUT_MS, logger: { error: (message: string) => app.log.error(message) } }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an unexpected error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
  await db.close();
});

await app.listen({ host: env.HOST, port: env.PORT });
const url = env.PUBLIC_ORIGIN;
const lines = [
  '',
  '醫療院所預防保健暨戒菸服務單一入口系統',
  `  入口網站      ${url}/`,
  ...(env.API_DOCS ? [`  API 文件      ${url}/api/docs`] : []),
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
