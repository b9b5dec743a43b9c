// The ready-made reforms of docs/examples/reforms, validated at build time and bundled into the
// studio's chunk as `virtual:tulay/example-reforms` (the YAML as written, and the reform as data).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reformSchema } from '@tulay/engine';
import { formatProblem } from '@tulay/knowledge';
import { readValidated } from '@tulay/knowledge/node';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:tulay/example-reforms';
const RESOLVED = `\0${VIRTUAL}`;

/** Where the ready-made reforms are. */
export const REFORMS_DIR = resolve(import.meta.dirname, '../../../docs/examples/reforms');

/** Every reform file, validated; throws naming each problem. */
export function exampleReforms(dir: string = REFORMS_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const r = readValidated(reformSchema, path, `docs/examples/reforms/${file}`);
      if (!r.value) throw new Error(r.problems.map(formatProblem).join('\n'));
      // The $schema path is relative to the file: meaningless in the browser.
      const reform: Record<string, unknown> = { ...r.value };
      delete reform.$schema;
      return { file, yaml: readFileSync(path, 'utf8'), reform };
    });
}

export function exampleReformsPlugin(dir: string = REFORMS_DIR): Plugin {
  return {
    name: 'tulay-example-reforms',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(dir);
      return `export default ${JSON.stringify(exampleReforms(dir))};`;
    },
  };
}
