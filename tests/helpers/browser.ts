// Tests launch the same Chromium, with the same flags, as `npm run pdf` and the bench.
export { CHROMIUM_ARGS, chromiumPath, launchChromium as launch } from '../../scripts/lib/chromium.ts';

/**
 * Reads a list from the page until two reads, 250 ms apart, agree (up to ten seconds): search
 * results fill in as their data arrives, so reading at once can miss one that ranks above a
 * faster neighbour.
 */
export async function settled<T>(read: () => Promise<T[]>, wait: (ms: number) => Promise<void>): Promise<T[]> {
  let last = await read();
  for (let i = 0; i < 40; i++) {
    await wait(250);
    const now = await read();
    if (now.join() === last.join()) return now;
    last = now;
  }
  return last;
}
