import type { KnowledgeInput } from '@tulay/engine';
import type { InstrumentsFile } from '@tulay/knowledge';

/** The knowledge bundle built at build time (build/knowledge-plugin.ts) and compiled in the browser. */
export interface KnowledgeBundle {
  readonly input: KnowledgeInput;
  readonly instruments: InstrumentsFile;
}
