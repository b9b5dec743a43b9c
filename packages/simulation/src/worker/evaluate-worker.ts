import { parentPort } from 'node:worker_threads';
import type { ChunkOptions, WorkerMessage } from '../evaluate-population.ts';
import { processChunk, resultBuffers } from '../evaluate-population.ts';
import type { Laws } from '../evaluate-chunk.ts';
import { generatePopulationChunk } from '../generate-population.ts';
import { compileLaws } from '../laws.ts';

const port = parentPort;
if (port) {
  // The run being evaluated: a kept thread serves one run after another.
  let laws: Laws | null = null;
  let options: ChunkOptions = {};
  port.on('message', (msg: WorkerMessage) => {
    if ('setup' in msg) {
      laws = compileLaws(msg.setup.spec);
      options = msg.setup.options;
      return;
    }
    if (laws === null) throw new Error('a chunk arrived before its run was set up');
    const columns =
      'columns' in msg ? msg.columns : generatePopulationChunk(msg.generate, msg.chunk);
    const result = processChunk(laws, columns, options);
    port.postMessage({ seq: msg.seq, result }, resultBuffers(result));
  });
}
