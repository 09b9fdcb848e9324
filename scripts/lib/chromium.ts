import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or the executable named by CHROMIUM_PATH (read when used, so tests can set it). */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Needed to run headless as root on a closed network: without the networking flags Chromium stalls on lookups. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/**
 * Printing the whole dossier lays out every page of it in one renderer. Chromium's low-end device
 * mode keeps its caches and memory pools small: at 1,000 sources the renderer peaked at 1.35 GB
 * instead of 2.15 GB, with the same text and the same pixels on every page compared
 * (docs/performance.md, "npm run pdf under 2 GB").
 */
export const PRINT_ARGS = [...CHROMIUM_ARGS, '--enable-low-end-device-mode'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
