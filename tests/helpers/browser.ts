// Tests launch the same Chromium, with the same flags, as `npm run pdf` and the bench.
export { CHROMIUM_ARGS, chromiumPath, launchChromium as launch } from '../../scripts/lib/chromium.ts';
