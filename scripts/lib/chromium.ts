import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or the executable named by CHROMIUM_PATH (read when used, so tests can set it). */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Needed to run headless as root on a closed network: without the networking flags Chromium stalls on lookups. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
