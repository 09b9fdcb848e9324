import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WebFormat } from '../../schemas/web.ts';

/** Which web-capture format a file name is, or undefined for anything else. */
export function webFormatOf(name: string): { format: WebFormat; ext: string } | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('.warc.gz')) return { format: 'warc', ext: 'warc.gz' };
  if (n.endsWith('.warc')) return { format: 'warc', ext: 'warc' };
  if (n.endsWith('.wacz')) return { format: 'wacz', ext: 'wacz' };
  if (n.endsWith('.html') || n.endsWith('.htm')) return { format: 'html', ext: 'html' };
  return undefined;
}

/** The file endings of web captures in a content folder's captures/, longest first. */
export const WEB_CAPTURE_EXTS = ['warc.gz', 'warc', 'wacz', 'html'] as const;

export interface WebCaptureFile {
  id: string;
  path: string;
  ext: string;
  format: WebFormat;
}

/** The web captures in a captures/ folder, in name order; the id is the name before the ending. */
export function webCaptureFiles(dir: string): WebCaptureFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && !f.startsWith('_'))
    .sort()
    .flatMap((f) => {
      const kind = webFormatOf(f);
      if (!kind || !f.endsWith(`.${kind.ext}`)) return [];
      return [{ id: f.slice(0, -kind.ext.length - 1), path: join(dir, f), ext: kind.ext, format: kind.format }];
    });
}
