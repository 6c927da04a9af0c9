#!/usr/bin/env -S npx tsx
/** Starts the demo subsystem (settings: see config.ts). */
import { createDemoSubsystem } from './app.js';
import { demoSubsystemOptionsFromEnv } from './config.js';

const options = demoSubsystemOptionsFromEnv();
const { app } = await createDemoSubsystem({ ...options, logger: process.env.DEMO_SUBSYSTEM_LOG === 'true' });
await app.listen({ host: options.baseUrl.hostname === 'localhost' ? '127.0.0.1' : '0.0.0.0', port: Number(options.baseUrl.port || 80) });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
console.log(`示範子系統「${options.subsystemName}」 ${options.baseUrl.origin}/（單一入口 ${options.issuer.href}）`);
