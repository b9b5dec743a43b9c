import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Agreement, Jurisdiction, KbProblem, KnowledgeBase } from '@tulay/engine';
import { agreementSchema, compileKnowledgeBase, jurisdictionSchema, validate } from '@tulay/engine';
import type { z } from 'zod';
import type { FileProblem, SourceDocument } from '../source-document.ts';
import { parseSourceDocument } from '../source-document.ts';
import type { InstrumentsFile } from '../schema/instruments.ts';
import { instrumentsFileSchema } from '../schema/instruments.ts';

/** The knowledge base shipped with Tulay. */
export const DEFAULT_KNOWLEDGE_DIR = resolve(import.meta.dirname, '../../data');

/** Everything loaded from a knowledge directory, and every problem found in it. */
export interface LoadedKnowledge {
  readonly kb: KnowledgeBase;
  readonly instruments: InstrumentsFile;
  readonly problems: readonly FileProblem[];
  readonly files: number;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads, parses and validates one file; returns the value or its problems. */
export function readValidated<S extends z.ZodType>(
  schema: S,
  path: string,
  displayPath: string = path,
): { value: z.output<S> | undefined; doc: SourceDocument | undefined; problems: FileProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found'
        : `cannot read: ${(e as Error).message}`;
    return {
      value: undefined,
      doc: undefined,
      problems: [{ file: displayPath, line: null, path: '$', message: reason, severity: 'error' }],
    };
  }
  const doc = parseSourceDocument(displayPath, text);
  if (doc.syntaxProblems.length > 0)
    return { value: undefined, doc, problems: [...doc.syntaxProblems] };
  const result = validate(schema, doc.value);
  if (!result.ok)
    return {
      value: undefined,
      doc,
      problems: result.issues.map((i) => doc.problem(i.path, i.message)),
    };
  return { value: result.value, doc, problems: [] };
}

/**
 * Loads a knowledge directory (`jurisdictions/`, `agreements/`, `instruments/`), validating every
 * file and compiling the whole; problems name the file, line, JSON path and reason.
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): LoadedKnowledge {
  const problems: FileProblem[] = [];
  const display = (p: string) => relative(process.cwd(), p) || p;
  const jurisdictions: Jurisdiction[] = [];
  const agreements: Agreement[] = [];
  const docs = new Map<string, SourceDocument>();
  let files = 0;

  if (!existsSync(dir)) {
    problems.push({
      file: display(dir),
      line: null,
      path: '$',
      message: 'knowledge directory not found',
      severity: 'error',
    });
  }

  for (const file of yamlFiles(join(dir, 'jurisdictions'))) {
    files++;
    const r = readValidated(jurisdictionSchema, file, display(file));
    problems.push(...r.problems);
    if (r.value && r.doc) {
      const expected = file
        .replace(/^.*\//, '')
        .replace(/\.(ya?ml|json)$/, '')
        .toUpperCase();
      if (r.value.country !== expected)
        problems.push(
          r.doc.problem(
            ['country'],
            `file name says ${expected} but country is ${r.value.country}`,
          ),
        );
      jurisdictions.push(r.value);
      docs.set(`jurisdiction:${r.value.country}`, r.doc);
    }
  }
  for (const file of yamlFiles(join(dir, 'agreements'))) {
    files++;
    const r = readValidated(agreementSchema, file, display(file));
    problems.push(...r.problems);
    if (r.value && r.doc) {
      agreements.push(r.value);
      docs.set(`agreement:${r.value.id}`, r.doc);
    }
  }
  let instruments: InstrumentsFile = { sources: {}, instruments: [], ratifications: [] };
  for (const file of yamlFiles(join(dir, 'instruments'))) {
    files++;
    const r = readValidated(instrumentsFileSchema, file, display(file));
    problems.push(...r.problems);
    if (r.value && r.doc) {
      instruments = mergeInstruments(instruments, r.value);
      problems.push(...checkInstruments(r.value, r.doc));
    }
  }

  const { kb, problems: kbProblems } = compileKnowledgeBase({ jurisdictions, agreements });
  for (const p of kbProblems) problems.push(locate(p, docs));
  return { kb, instruments, problems, files };
}

function locate(p: KbProblem, docs: ReadonlyMap<string, SourceDocument>): FileProblem {
  const key =
    p.document.kind === 'jurisdiction'
      ? `jurisdiction:${p.document.country}`
      : `agreement:${p.document.id}`;
  const doc = docs.get(key);
  if (!doc) return { file: key, line: null, path: '$', message: p.message, severity: p.severity };
  return doc.problem(p.path, p.message, p.severity);
}

function mergeInstruments(a: InstrumentsFile, b: InstrumentsFile): InstrumentsFile {
  return {
    ...(a.$schema === undefined ? {} : { $schema: a.$schema }),
    sources: { ...a.sources, ...b.sources },
    instruments: [...a.instruments, ...b.instruments],
    ratifications: [...a.ratifications, ...b.ratifications],
  };
}

function checkInstruments(file: InstrumentsFile, doc: SourceDocument): FileProblem[] {
  const problems: FileProblem[] = [];
  const ids = new Set<string>();
  file.instruments.forEach((inst, i) => {
    if (ids.has(inst.id))
      problems.push(
        doc.problem(['instruments', i, 'id'], `instrument id "${inst.id}" is used twice`),
      );
    ids.add(inst.id);
    inst.counts.forEach((c, k) => {
      if (!(c.source in file.sources))
        problems.push(
          doc.problem(
            ['instruments', i, 'counts', k, 'source'],
            `cites source "${c.source}", which is not in this file's sources`,
          ),
        );
    });
  });
  const seen = new Set<string>();
  file.ratifications.forEach((r, i) => {
    const inst = file.instruments.find((x) => x.id === r.instrument);
    if (!inst)
      problems.push(
        doc.problem(['ratifications', i, 'instrument'], `unknown instrument "${r.instrument}"`),
      );
    else if (!inst.ratifiable)
      problems.push(
        doc.problem(['ratifications', i, 'instrument'], `${r.instrument} cannot be ratified`),
      );
    if (!(r.source in file.sources))
      problems.push(
        doc.problem(
          ['ratifications', i, 'source'],
          `cites source "${r.source}", which is not in this file's sources`,
        ),
      );
    const key = `${r.instrument}/${r.country}`;
    if (seen.has(key))
      problems.push(
        doc.problem(['ratifications', i], `a second entry for ${r.country} and ${r.instrument}`),
      );
    seen.add(key);
  });
  return problems;
}
