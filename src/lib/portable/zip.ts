/*
 * The bag as one zip, with fflate (a small, well-kept zip writer with no dependencies): entries in
 * path order under one top folder (RFC 8493 §4), each dated to the edition, so the same edition
 * gives the same bytes. Files that are already compressed are stored.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { BagFile } from './bagit.ts';

const STORED = /\.(png|jpe?g|gif|webp|pdf|zip|woff2?)$/i;

/** Noon UTC of the edition's day (a partial date takes the first day): a fixed, valid DOS timestamp. */
export function editionTime(edition: string): Date {
  const [y, m = '01', d = '01'] = edition.split('-');
  const date = new Date(`${y}-${m}-${d}T12:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980 ? new Date('1980-01-01T12:00:00Z') : date;
}

export function zipBag(top: string, files: BagFile[], edition: string): Uint8Array {
  const mtime = editionTime(edition);
  const tree: Zippable = {};
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    tree[`${top}/${f.path}`] = [f.bytes, { mtime, level: STORED.test(f.path) ? 0 : 6 }];
  }
  return zipSync(tree);
}

/** Every entry of a zip by its name. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}
