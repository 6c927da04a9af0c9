#!/usr/bin/env -S npx tsx
/**
 * 測試用醫事機構卡模擬器.
 *
 *   pnpm --filter @portal/card-sim start [--port 61161] [--card 9900000001] [--dir data/card-sim]
 *   pnpm --filter @portal/card-sim generate [--dir data/card-sim] [--institution 0101090517:某某醫院] [--pin 123456]
 *
 * `start` generates the test PKI first when the folder has none. Environment: CARD_SIM_PORT,
 * CARD_SIM_ALLOWED_ORIGINS (comma-separated; `http://localhost:*` = any port),
 * CARD_SIM_DATA_DIR, CARD_SIM_CARD.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TEST_PKI_DIR, generateTestPki, readTestPki, writeTestPki, type TestPki } from './generate-test-pki.js';
import { createCardSim, DEFAULT_ALLOWED_ORIGINS, DEFAULT_PORT } from './server.js';
import { TEST_PKI_FILES } from './test-pki-constants.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    dir: { type: 'string' },
    card: { type: 'string' },
    pin: { type: 'string' },
    institution: { type: 'string', multiple: true },
    'allowed-origins': { type: 'string' },
  },
});
const command = positionals[0] ?? 'start';
const dir = path.resolve(values.dir ?? process.env.CARD_SIM_DATA_DIR ?? DEFAULT_TEST_PKI_DIR);

function institutions() {
  return (values.institution ?? []).map((item) => {
    const [code = '', name = `測試機構 ${code}`] = item.split(':');
    return { code, name };
  });
}

async function generate(): Promise<TestPki> {
  const pki = await generateTestPki({ institutions: institutions(), ...(values.pin && { pin: values.pin }) });
  await writeTestPki(pki, dir);
  console.log(`測試用 PKI 已產生於 ${dir}`);
  return pki;
}

function printCards(pki: TestPki) {
  console.log('\n卡片（測試用，PIN 碼僅供開發測試）：');
  console.table(
    pki.cards.map((card) => ({
      id: card.id,
      機構代碼: card.institutionCode,
      說明: card.label,
      PIN: card.pin,
      金鑰: card.keyAlgorithm,
    })),
  );
}

if (command === 'generate') {
  printCards(await generate());
} else if (command === 'start') {
  const exists = await access(path.join(dir, TEST_PKI_FILES.cards)).then(
    () => true,
    () => false,
  );
  const pki = exists ? await readTestPki(dir) : await generate();
  const allowedOrigins = (values['allowed-origins'] ?? process.env.CARD_SIM_ALLOWED_ORIGINS)
    ?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const sim = createCardSim({
    pki,
    port: Number(values.port ?? process.env.CARD_SIM_PORT ?? DEFAULT_PORT),
    allowedOrigins: allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS,
    insertedCardId: values.card ?? process.env.CARD_SIM_CARD,
    log: (line) => console.log(`[card-sim] ${line}`),
  });
  const url = await sim.listen();
  printCards(pki);
  console.log(`\nHiPKI 相容本機簽章服務：${url}/popupForm（僅綁定 127.0.0.1）`);
  console.log(`允許的網站來源：${(allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS).join(', ')}`);
  console.log(`讀卡機中的卡片：${sim.insertedCard?.id ?? '（無）'}；換卡：curl -X POST ${url}/sim/insert -H 'Content-Type: application/json' -d '{"card":"9900000002"}'`);
  console.log(`API 信任測試 CA：CARD_TRUST_TEST_CA=true CARD_TEST_PKI_DIR=${dir}`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  console.error(`unknown command "${command}" (use start or generate)`);
  process.exit(2);
}
