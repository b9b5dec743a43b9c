// Writes sw.js after the build: the service worker that keeps the app shell and the knowledge
// bundle on the device, so the checker works offline after the first visit.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const TEMPLATE = resolve(import.meta.dirname, 'sw-template.js');

/** Emits `sw.js`, precaching every file of the build (the other languages too: they are small). */
export function serviceWorkerPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'tulay-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const copied = publicDir && existsSync(publicDir) ? readdirSync(publicDir) : [];
      const files = [...Object.keys(bundle), ...copied]
        .filter((f) => !f.endsWith('.map') && f !== 'sw.js')
        .sort();
      const precache = ['/', ...files.filter((f) => f !== 'index.html').map((f) => `/${f}`)];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace('__VERSION__', version)
        .replace('/* PRECACHE */ []', JSON.stringify(precache));
      if (!source.includes(version) || source.includes('/* PRECACHE */'))
        this.error('sw-template.js lost its __VERSION__ or /* PRECACHE */ [] placeholder');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
