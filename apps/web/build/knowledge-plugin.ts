// Builds the knowledge bundle the browser compiles: the validated jurisdictions and agreements
// (the engine's KnowledgeInput) and the instruments, as one content-hashed JSON asset.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { KnowledgeBundle } from '../src/knowledge/bundle.ts';
import { loadKnowledge } from '@tulay/knowledge/node';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:tulay/knowledge-url';
const RESOLVED = `\0${VIRTUAL}`;
const DEV_URL = '/knowledge.json';

/** The knowledge directory shipped with Tulay, resolved from this file (not from a bundled copy). */
export const KNOWLEDGE_DIR = resolve(import.meta.dirname, '../../../packages/knowledge/data');

/** Reads, validates and compiles the knowledge base; throws with every error located. */
export function buildKnowledgeBundle(dir: string = KNOWLEDGE_DIR): string {
  const loaded = loadKnowledge(dir);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new Error(
      `the knowledge base has ${errors.length} error(s):\n${errors
        .map((p) => `${p.file}:${p.line ?? '?'}: ${p.path}: ${p.message}`)
        .join('\n')}`,
    );
  const bundle: KnowledgeBundle = {
    input: { jurisdictions: loaded.kb.input.jurisdictions, agreements: loaded.kb.input.agreements },
    instruments: loaded.instruments,
  };
  return JSON.stringify(bundle);
}

/**
 * Emits `assets/knowledge-<hash>.json` and a virtual module `virtual:tulay/knowledge-url` that
 * exports its URL; in development, serves it at /knowledge.json.
 */
export function knowledgePlugin(dir: string = KNOWLEDGE_DIR): Plugin {
  let json = '';
  let fileName = '';
  let isBuild = false;
  return {
    name: 'tulay-knowledge',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    buildStart() {
      json = buildKnowledgeBundle(dir);
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
      fileName = `assets/knowledge-${hash}.json`;
      if (isBuild) this.emitFile({ type: 'asset', fileName, source: json });
      this.addWatchFile(dir);
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const url = isBuild ? `/${fileName}` : DEV_URL;
      return `export default ${JSON.stringify(url)};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_URL, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(buildKnowledgeBundle(dir));
      });
    },
  };
}
