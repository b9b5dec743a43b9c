// Writes a gzip and a brotli copy beside each text file of the build once it is on disk; the
// server sends them to browsers that accept them (apps/server/src/http/web-app.ts,
// preCompressed). The checker's first load is paid for in a worker's prepaid data: served as is
// it was about four times the gzipped budget. Written after the bundle, so the service worker
// does not precache the copies.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(?:html|js|mjs|css|json|svg|webmanifest|txt|xml)$/;
/** Below this, compressing saves less than the headers cost. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes `FILE.gz` and `FILE.br` for each text file of `dir` of at least MIN_BYTES. */
export function compressDirectory(dir: string): number {
  let written = 0;
  for (const path of files(dir)) {
    if (!TEXT.test(path)) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    written++;
  }
  return written;
}

/** Compresses the build's text files once they are written. */
export function compressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'tulay-compress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const n = compressDirectory(outDir);
      this.info(`gzip and brotli copies of ${n} files`);
    },
  };
}
