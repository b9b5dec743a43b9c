#!/usr/bin/env node
// Runs the TypeScript CLI directly: the workspace ships sources, not build output.
import { register } from 'tsx/esm/api';

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
