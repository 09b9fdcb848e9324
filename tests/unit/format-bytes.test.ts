import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/lib/print/size.ts';
import { createI18n } from '../../src/lib/i18n/translate.ts';

describe('file sizes', () => {
  it('read in decimal units, the same in English with or without the dossier’s language', () => {
    expect(formatBytes(1_400_000)).toBe('1.4 MB');
    expect(formatBytes(1_400_000, createI18n('en'))).toBe('1.4 MB');
    expect(formatBytes(298_000, createI18n('en'))).toBe('298 kB');
  });

  it('follow the dossier’s language: its decimal sign and its unit names', () => {
    expect(formatBytes(1_400_000, createI18n('fr'))).toMatch(/^1,4\s?Mo$/);
    expect(formatBytes(298_000, createI18n('fr'))).toMatch(/^298\s?ko$/);
    expect(formatBytes(1_400_000, createI18n('ru'))).toMatch(/^1,4\s?МБ$/);
    expect(formatBytes(250, createI18n('de'))).toBe('250 Bytes');
  });
});
