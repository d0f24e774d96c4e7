/**
 * The messages of playback/, persist/ and export/: the Chinese table has every English key (the
 * compiler checks that too) with the same placeholders, so no value is lost in either language.
 */
import { describe, expect, it } from 'vitest';
import { t as exportT } from '../../src/app/export/messages.ts';
import { ALL_TABLES } from '../../src/app/i18n/messages.ts';
import { t as persistT } from '../../src/app/persist/messages.ts';
import { t as playbackT } from '../../src/app/playback/messages.ts';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)/g)]
    .map((m) => m[1])
    .filter((name, i, all) => all.indexOf(name) === i)
    .sort();

describe('messages of playback, persist and export', () => {
  for (const [part, t] of [
    ['playback', playbackT],
    ['persist', persistT],
    ['export', exportT],
  ] as const) {
    it(`${part}: both languages, same placeholders`, () => {
      const tables = ALL_TABLES.find((tb) => tb.en === t.en);
      expect(tables).toBeDefined();
      if (!tables) return;
      expect(Object.keys(tables.zh).sort()).toEqual(Object.keys(tables.en).sort());
      for (const key of Object.keys(tables.en)) {
        expect(placeholders(tables.zh[key]), key).toEqual(placeholders(tables.en[key]));
        expect(tables.zh[key], key).not.toBe('');
      }
    });
  }
});
