// The knowledge base in the browser: fetched once (the service worker keeps it for offline use),
// compiled with the engine, and shared by every page.
import type { KnowledgeBase } from '@tulay/engine';
import { compileKnowledgeBase } from '@tulay/engine';
import type { InstrumentsFile } from '@tulay/knowledge';
import knowledgeUrl from 'virtual:tulay/knowledge-url';
import type { KnowledgeBundle } from './bundle.ts';

/** The compiled knowledge base and the instruments file. */
export interface Knowledge {
  readonly kb: KnowledgeBase;
  readonly instruments: InstrumentsFile;
}

/** A knowledge bundle that cannot be fetched or compiled. */
export class KnowledgeError extends Error {
  constructor(
    readonly code: 'offline' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

let pending: Promise<Knowledge> | undefined;

async function fetchAndCompile(): Promise<Knowledge> {
  let bundle: KnowledgeBundle;
  try {
    const response = await fetch(knowledgeUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bundle = (await response.json()) as KnowledgeBundle;
  } catch (e) {
    throw new KnowledgeError('offline', `cannot load the knowledge base: ${(e as Error).message}`);
  }
  const { kb, problems } = compileKnowledgeBase(bundle.input);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new KnowledgeError(
      'invalid',
      `the knowledge base has ${errors.length} error(s): ${errors[0]?.message ?? ''}`,
    );
  return { kb, instruments: bundle.instruments };
}

/** The knowledge base, fetched and compiled on first use; a failed load is retried next time. */
export function loadKnowledgeBase(): Promise<Knowledge> {
  pending ??= fetchAndCompile().catch((e: unknown) => {
    pending = undefined;
    throw e;
  });
  return pending;
}
