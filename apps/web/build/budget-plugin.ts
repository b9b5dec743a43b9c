// Reports the size of every file of the build, gzipped, and fails the build when the checker's
// first load (HTML + JS + CSS + the knowledge bundle, English messages included) is over budget.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The first-load budget of the checker, gzipped (issue 6). */
export const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

interface ChunkLike {
  readonly type: 'chunk';
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly code: string;
  readonly viteMetadata?: { readonly importedCss: ReadonlySet<string> };
}
interface AssetLike {
  readonly type: 'asset';
  readonly source: string | Uint8Array;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Sizes the build and enforces the first-load budget. */
export function budgetPlugin(budget: number = FIRST_LOAD_BUDGET_BYTES): Plugin {
  return {
    name: 'tulay-budget',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, ChunkLike | AssetLike>;
      const gz = new Map<string, { raw: number; gzip: number }>();
      for (const [name, file] of Object.entries(files)) {
        if (name.endsWith('.map')) continue;
        const body = file.type === 'chunk' ? file.code : file.source;
        const buf = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
        gz.set(name, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
      }
      // The first load: index.html, the entry chunk and what it imports statically, their CSS,
      // and the knowledge bundle the checker fetches at once.
      const first = new Set<string>(['index.html']);
      const visit = (name: string) => {
        const file = files[name];
        if (first.has(name) || file?.type !== 'chunk') return;
        first.add(name);
        for (const css of file.viteMetadata?.importedCss ?? []) first.add(css);
        file.imports.forEach(visit);
      };
      for (const [name, file] of Object.entries(files))
        if (file.type === 'chunk' && file.isEntry) visit(name);
      for (const name of Object.keys(files))
        if (/^assets\/knowledge-.*\.json$/.test(name)) first.add(name);

      const rows = [...gz.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
      const width = Math.max(...rows.map(([n]) => n.length));
      const lines = rows.map(
        ([name, s]) =>
          `  ${first.has(name) ? '*' : ' '} ${name.padEnd(width)}  ${kb(s.raw).padStart(10)}  ${kb(s.gzip).padStart(9)} gz`,
      );
      const total = [...first].reduce((sum, n) => sum + (gz.get(n)?.gzip ?? 0), 0);
      const verdict = total <= budget ? 'within' : 'OVER';
      this.info(
        `\nBuild sizes (* = the checker's first load):\n${lines.join('\n')}\n` +
          `  First load: ${kb(total)} gzipped, ${verdict} the budget of ${kb(budget)}\n`,
      );
      if (total > budget)
        this.error(
          `the checker's first load is ${kb(total)} gzipped, over the budget of ${kb(budget)}: ` +
            'lazy-load what the first screen does not need, or trim the knowledge bundle',
        );
    },
  };
}
