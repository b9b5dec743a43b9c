import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { budgetPlugin } from './budget-plugin.ts';
import { compressPlugin } from './compress-plugin.ts';
import { exampleReformsPlugin } from './example-reforms-plugin.ts';
import { knowledgePlugin } from './knowledge-plugin.ts';
import { mapPlugin } from './map-plugin.ts';
import { serviceWorkerPlugin } from './service-worker-plugin.ts';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  base: '/',
  plugins: [
    react(),
    knowledgePlugin(),
    mapPlugin(),
    exampleReformsPlugin(),
    serviceWorkerPlugin(),
    budgetPlugin(),
    compressPlugin(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
