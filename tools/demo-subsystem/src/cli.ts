#!/usr/bin/env -S npx tsx
/** Starts the demo subsystem (settings: see config.ts). */
import { createDemoSubsystem } from './app.js';
import { demoSubsystemOptionsFromEnv } from './config.js';

const options = demoSubsystemOptionsFromEnv();
const { app } = await createDemoSubsystem({ ...options, logger: process.env.DEMO_SUBSYSTEM_LOG === 'true' });
// localhost: both loopback addresses, whichever the portal's back-channel logout resolves it to.
const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(options.baseUrl.hostname);
await app.listen({ host: loopback ? options.baseUrl.hostname.replace(/^\[|\]$/g, '') : '0.0.0.0', port: Number(options.baseUrl.port || 80) });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
console.log(`示範子系統「${options.subsystemName}」 ${options.baseUrl.origin}/（以單一入口登入：${options.issuer.href}）`);
