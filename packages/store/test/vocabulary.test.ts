// The controlled vocabularies are defined once, in src/vocabulary.ts: a second literal copy of one
// (a zod enum, a type union, a constant) would drift from it the day a value is added. This walks
// the source of the packages and apps and fails, naming the file and line, on any copy.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BILL_ACTIONS,
  CAUCUS_STATUSES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  INPUT_STATUSES,
  VISIBILITIES,
} from '../src/vocabulary.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCES = [
  ...readdirSync(join(ROOT, 'packages')).map((p) => join('packages', p, 'src')),
  ...readdirSync(join(ROOT, 'apps')).map((a) => join('apps', a, 'src')),
]
  // The web app's copies are its engineers' to replace (its source is worked on apart); the
  // lead's merge is to import them from `@tulay/store/vocabulary` as BILL_ACTIONS already is.
  .filter((dir) => dir !== join('apps', 'web', 'src'));

// ROLES is left out on purpose: a permission open to every role lists them (access.ts), which
// is a decision about who may act, not a copy of the vocabulary.
const VOCABULARIES: Record<string, readonly string[]> = {
  VISIBILITIES,
  DOCUMENT_TYPES,
  DOCUMENT_STATUSES,
  INPUT_STATUSES,
  CAUCUS_STATUSES,
  BILL_ACTIONS,
};

function* sourceFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield path;
  }
}

/** The values in order, quoted either way, between commas (a list) or bars (a type union). */
const literalList = (values: readonly string[]) =>
  new RegExp(values.map((v) => `['"]${v}['"]`).join(String.raw`\s*[,|]\s*`), 'g');

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('the vocabularies', () => {
  const files = [...new Set(SOURCES.flatMap((dir) => [...sourceFiles(dir)]))];

  it('finds the sources it guards', () => {
    expect(files).toContain(join('apps', 'server', 'src', 'schemas', 'common.ts'));
    expect(files).toContain(join('packages', 'store', 'src', 'schema.ts'));
  });

  it.each(Object.entries(VOCABULARIES))('%s is written out only in vocabulary.ts', (_, values) => {
    const copies: string[] = [];
    for (const file of files) {
      if (file === join('packages', 'store', 'src', 'vocabulary.ts')) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const match of text.matchAll(literalList(values)))
        copies.push(`${file}:${lineOf(text, match.index)}`);
    }
    expect(copies).toEqual([]);
  });

  it('catches a copy written either way', () => {
    const list = literalList(VISIBILITIES);
    expect("z.enum(['public', 'caucus', 'secretariat'])").toMatch(list);
    expect('type V = "public" | "caucus" |\n  "secretariat";').toMatch(list);
    expect("['public', 'caucus']").not.toMatch(list);
  });
});
