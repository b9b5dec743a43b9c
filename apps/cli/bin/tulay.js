#!/usr/bin/env node
// Runs the TypeScript CLI directly: the workspace ships sources, not build output.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
