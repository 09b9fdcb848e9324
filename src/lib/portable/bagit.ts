/*
 * BagIt (RFC 8493, the Library of Congress packaging format) for the portable edition: the bag's
 * tag files from its payload, and a validator kept to the RFC. bagit-python, the reference
 * validator, cannot be installed here and no npm package validates a bag (docs/portable.md says
 * which were looked at), so both directions live in this one file, side by side with the RFC's
 * section numbers.
 */
import { createHash } from 'node:crypto';
import { sha256 } from '../hash.ts';
import { escapes } from './links.ts';

export interface BagFile { path: string; bytes: Uint8Array }

export interface BagInfo {
  title: string;
  /** The dossier's edition date (dossier.yaml), ISO. */
  edition: string;
  sources: number;
  /** YYYY-MM-DD: the day the bag was made (RFC 8493 §2.2.2 Bagging-Date). */
  baggingDate: string;
  software: string;
}

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';

const encoder = new TextEncoder();

/** §2.1.3: a file path in a manifest, with CR, LF and % percent-encoded. */
export const encodePath = (path: string): string => path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const decodePath = (path: string): string => path.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');

/** A file of the bag by its checksum and size: what the tag files need, without the bytes. */
export interface BagDigest { path: string; sha256: string; size: number }

export const digestOf = (f: BagFile): BagDigest => ({ path: f.path, sha256: sha256(f.bytes), size: f.bytes.length });

/** One manifest: `<sha256>  <path>` per line, sorted, in the layout `sha256sum -c` reads. */
export function manifestOf(files: BagDigest[]): string {
  return files.map((f) => `${f.sha256}  ${encodePath(f.path)}\n`).sort().join('');
}

export const manifest = (files: BagFile[]): string => manifestOf(files.map(digestOf));

/** §2.2.2: one `Label: value` per line; a value never spans lines here. */
export function bagInfo(info: BagInfo, payload: BagDigest[]): string {
  const octets = payload.reduce((sum, f) => sum + f.size, 0);
  const one = (v: string) => v.replace(/\s+/g, ' ').trim();
  return [
    `Title: ${one(info.title)}`,
    `External-Description: The portable edition of the dossier "${one(info.title)}": its site, raw captures and data, to open from disk.`,
    `Edition-Date: ${info.edition}`,
    `Source-Count: ${info.sources}`,
    `Bagging-Date: ${info.baggingDate}`,
    `Bag-Software-Agent: ${one(info.software)}`,
    `Payload-Oxum: ${octets}.${payload.length}`,
  ].join('\n') + '\n';
}

/**
 * The whole bag from the site's files (paths relative to the site's root): the payload under
 * `data/`, then the tag files (§2.1.1 bagit.txt, §2.1.3 payload manifest, §2.2.2 bag-info.txt,
 * §2.2.1 tag manifest over every tag file).
 */
export function makeBag(site: BagFile[], info: BagInfo): BagFile[] {
  const payload = site.map((f) => ({ path: `data/${f.path}`, bytes: f.bytes }));
  return [...tagFiles(info, payload.map(digestOf)), ...payload];
}

/** The tag files for a payload known by its digests (paths under data/): a bag written file by file needs no more. */
export function tagFiles(info: BagInfo, payload: BagDigest[]): BagFile[] {
  const tags: BagFile[] = [
    { path: 'bagit.txt', bytes: encoder.encode(BAGIT_TXT) },
    { path: 'bag-info.txt', bytes: encoder.encode(bagInfo(info, payload)) },
    { path: MANIFEST, bytes: encoder.encode(manifestOf(payload)) },
  ];
  tags.push({ path: TAG_MANIFEST, bytes: encoder.encode(manifest(tags)) });
  return tags;
}

/** What is wrong with a bag, each naming the file: empty when it is valid by RFC 8493. */
export function validateBag(files: Map<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const text = (path: string) => new TextDecoder('utf-8', { fatal: false }).decode(files.get(path)).replace(/^\uFEFF/, '');

  // §2.1.1 The bag declaration.
  const declaration = files.has('bagit.txt') ? text('bagit.txt').split(/\r\n|\r|\n/).filter((l) => l !== '') : null;
  if (!declaration) problems.push('bagit.txt: missing; a bag starts with its declaration (§2.1.1)');
  else if (!/^BagIt-Version: \d+\.\d+$/.test(declaration[0] ?? '') || declaration[1] !== 'Tag-File-Character-Encoding: UTF-8' || declaration.length !== 2) {
    problems.push('bagit.txt: must hold exactly "BagIt-Version: M.N" and "Tag-File-Character-Encoding: UTF-8" (§2.1.1)');
  }

  // §2.1.2 The payload directory; §2.1.3 at least one payload manifest.
  const payload = [...files.keys()].filter((p) => p.startsWith('data/'));
  if (!payload.length) problems.push('data/: missing or empty; the payload lives in data/ (§2.1.2)');
  const manifests = [...files.keys()].filter((p) => /^manifest-[a-z0-9]+\.txt$/.test(p));
  const tagManifests = [...files.keys()].filter((p) => /^tagmanifest-[a-z0-9]+\.txt$/.test(p));
  if (!manifests.length) problems.push(`${MANIFEST}: missing; a bag lists every payload file with its checksum (§2.1.3)`);

  for (const name of [...manifests, ...tagManifests]) {
    const algorithm = name.replace(/^(tag)?manifest-|\.txt$/g, '');
    if (algorithm !== 'sha256' && algorithm !== 'sha512') {
      problems.push(`${name}: checksum algorithm "${algorithm}" is not one this validator knows (sha256, sha512)`);
      continue;
    }
    const isTag = name.startsWith('tag');
    const listed = new Set<string>();
    text(name).split(/\r\n|\r|\n/).forEach((line, i) => {
      if (line === '') return;
      const match = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
      if (!match) return problems.push(`${name}, line ${i + 1}: not "<checksum> <path>"`);
      const path = decodePath(match[2].replace(/^\*/, ''));
      if (escapes(path) || path.startsWith('/')) return problems.push(`${name}, line ${i + 1}: "${path}" points outside the bag (§2.1.3)`);
      if (!isTag && !path.startsWith('data/')) return problems.push(`${name}, line ${i + 1}: "${path}" is not in data/; a payload manifest lists only payload files (§2.1.3)`);
      if (isTag && (path.startsWith('data/') || /^tagmanifest-/.test(path))) return problems.push(`${name}, line ${i + 1}: "${path}" is not a tag file a tag manifest may list (§2.2.1)`);
      listed.add(path);
      const bytes = files.get(path);
      if (!bytes) return problems.push(`${path}: listed in ${name} but not in the bag`);
      const found = createHash(algorithm).update(bytes).digest('hex');
      if (found !== match[1].toLowerCase()) problems.push(`${path}: checksum does not match ${name} (expected ${match[1].toLowerCase()}, found ${found}): the file was changed or damaged`);
    });
    // §3: every payload file is listed in every payload manifest.
    if (!isTag) for (const path of payload) if (!listed.has(path)) problems.push(`${path}: in data/ but not listed in ${name}`);
  }

  // §2.2.2 Payload-Oxum: octets and file count of the payload.
  if (files.has('bag-info.txt')) {
    const oxum = /^Payload-Oxum:[ \t]*(\d+)\.(\d+)[ \t]*$/m.exec(text('bag-info.txt'));
    if (oxum) {
      const octets = payload.reduce((sum, p) => sum + files.get(p)!.length, 0);
      if (Number(oxum[1]) !== octets || Number(oxum[2]) !== payload.length) {
        problems.push(`bag-info.txt: Payload-Oxum ${oxum[1]}.${oxum[2]} does not match the payload (${octets}.${payload.length}): a file was added, removed or changed in size`);
      }
    }
  }
  return problems;
}

/**
 * A serialized bag (§4) has one top-level folder named for the bag: the bag's files without it.
 * Files outside that folder, or names that would escape it, are reported rather than read.
 */
export function bagFromEntries(entries: Map<string, Uint8Array>): { files: Map<string, Uint8Array>; problems: string[] } {
  const names = [...entries.keys()].filter((n) => !n.endsWith('/'));
  const problems = names.filter((n) => escapes(n) || n.startsWith('/')).map((n) => `${n}: a file name in the zip that leaves its folder`);
  const tops = new Set(names.map((n) => n.split('/')[0]));
  const prefix = tops.size === 1 && !entries.has([...tops][0]) && names.every((n) => n.includes('/')) ? `${[...tops][0]}/` : '';
  const files = new Map<string, Uint8Array>();
  for (const name of names) if (!problems.length) files.set(name.slice(prefix.length), entries.get(name)!);
  return { files, problems };
}
