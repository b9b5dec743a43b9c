// The message files: every translation parses as ICU MessageFormat, uses the same arguments as
// English, and the languages offered cover everything the checker and its results say.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BILL_ACTIONS } from '@tulay/store/vocabulary';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { MessageFile, MessageKey } from '../src/i18n/i18n.tsx';
import { createI18n } from '../src/i18n/i18n.tsx';
import { LOCALES } from '../src/i18n/locales.ts';

const DIR = join(import.meta.dirname, '../src/i18n/messages');
const files = new Map<string, MessageFile>(
  readdirSync(DIR).map((f) => [
    f.replace('.json', ''),
    JSON.parse(readFileSync(join(DIR, f), 'utf8')) as MessageFile,
  ]),
);
const en = files.get('en')?.messages ?? {};

/** Keys of the countries and corridors pages. */
const DETAIL_PAGES =
  /^(countries|country|corridor|corridors|principle|standing|schemeKind|agreementKind|agreement)\./;

/**
 * Keys that fall back to English key by key in languages under review: the caucus's site, member
 * area and secretariat (`caucus.`), the simulation studio (`studio.`) and the workspace's records
 * on the corridor page (`workspace.`).
 */
const ENGLISH_FALLBACK = /^(caucus|studio|workspace)\./;

/** The corridor map's keys and the matrix's conditions in words. */
const MAP_AND_CONDITIONS = /^(map|condition|permitName|activityName|sectorName)\./;

/**
 * Languages under review whose translation is whole: no English fallback is allowed for them, so a
 * key added to English fails here until it is translated into each of them too. The other
 * languages under review keep the fallback above.
 */
const WHOLLY_TRANSLATED = ['th', 'km', 'id', 'fil', 'vi', 'lo', 'my', 'ms', 'ne', 'hi'];

interface AstNode {
  readonly type: number;
  readonly value?: unknown;
  readonly options?: Readonly<Record<string, { readonly value: readonly AstNode[] }>>;
}

/** The names of the arguments a message uses ({name}, {n, plural, …}), from its parsed form. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly AstNode[]) => {
    for (const n of nodes) {
      // 0 literal, 7 pound (#): no argument; every other element names one.
      if (n.type !== 0 && n.type !== 7 && typeof n.value === 'string') names.add(n.value);
      for (const option of Object.values(n.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst());
  return [...names].sort();
}

describe('message files', () => {
  it('there is one file per locale, and its metadata says so', () => {
    for (const l of LOCALES) {
      const file = files.get(l.code);
      expect(file, `messages/${l.code}.json`).toBeDefined();
      expect(file?._meta.locale).toBe(l.code);
      expect(file?._meta.status).toBe(l.status);
    }
  });

  for (const [locale, file] of files) {
    it(`${locale}: every message parses and uses the arguments English uses`, () => {
      for (const [key, message] of Object.entries(file.messages)) {
        expect(en[key], `${locale}: ${key} is not an English key`).toBeDefined();
        expect(() => new IntlMessageFormat(message, 'en'), `${locale}: ${key}`).not.toThrow();
        expect(argumentsOf(message), `${locale}: ${key}`).toEqual(argumentsOf(en[key] ?? ''));
      }
    });
  }

  for (const l of LOCALES.filter((x) => x.status === 'review')) {
    it(`${l.code}: everything the checker and its results say is translated`, () => {
      const messages = files.get(l.code)?.messages ?? {};
      const missing = Object.keys(en).filter(
        (k) => !DETAIL_PAGES.test(k) && !ENGLISH_FALLBACK.test(k) && !(k in messages),
      );
      expect(missing).toEqual([]);
    });

    it(`${l.code}: the countries and corridors pages, their map and conditions are translated`, () => {
      const messages = files.get(l.code)?.messages ?? {};
      const missing = Object.keys(en).filter(
        (k) => (DETAIL_PAGES.test(k) || MAP_AND_CONDITIONS.test(k)) && !(k in messages),
      );
      expect(missing).toEqual([]);
    });
  }

  for (const code of WHOLLY_TRANSLATED) {
    it(`${code}: every English key is translated, with no fallback to English`, () => {
      expect(LOCALES.find((l) => l.code === code)?.status).not.toBe('planned');
      const messages = files.get(code)?.messages;
      if (!messages) throw new Error(`messages/${code}.json is missing`);
      expect(Object.keys(en).filter((k) => !(k in messages))).toEqual([]);
    });
  }

  for (const [locale, file] of files) {
    it(`${locale}: a bill's status names every action of the server's vocabulary`, () => {
      const message = file.messages['caucus.activities.billStatus'];
      // A language under review may show it in English; English itself must have it.
      if (message === undefined) {
        expect(locale).not.toBe('en');
        return;
      }
      const select = (new IntlMessageFormat(message, 'en').getAst() as AstNode[]).find(
        (n) => n.value === 'status',
      );
      expect(Object.keys(select?.options ?? {}).sort()).toEqual([...BILL_ACTIONS, 'other'].sort());
    });
  }

  for (const l of LOCALES.filter((x) => x.status === 'review')) {
    it(`${l.code}: the caucus's and the studio's keys it lacks are shown in English`, () => {
      const file = files.get(l.code);
      if (!file) throw new Error(`messages/${l.code}.json is missing`);
      const i18n = createI18n(l.code, file);
      const lacking = Object.keys(en).filter(
        (k) => ENGLISH_FALLBACK.test(k) && !(k in file.messages),
      );
      for (const key of lacking.filter((k) => argumentsOf(en[k] ?? '').length === 0))
        expect(i18n.t(key as MessageKey), key).toBe(
          new IntlMessageFormat(en[key] ?? '', 'en').format(),
        );
      if (lacking.includes('studio.progress.done'))
        expect(i18n.t('studio.progress.done', { workers: 2, workersText: '2' })).toBe(
          'Done: 2 workers',
        );
    });
  }
});
