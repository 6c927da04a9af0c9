import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (never a browser download), headless, with its background networking,
 * updates and sync switched off: on a machine without Internet access they only flood the network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
