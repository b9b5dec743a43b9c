import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkRequest, WorkerSetup } from '../evaluate-population.ts';
import { processChunk, resultBuffers } from '../evaluate-population.ts';
import { generatePopulationChunk } from '../generate-population.ts';
import { compileLaws } from '../laws.ts';

const port = parentPort;
if (port) {
  const setup = workerData as WorkerSetup;
  const laws = compileLaws(setup.spec);
  port.on('message', (msg: ChunkRequest) => {
    const columns =
      'columns' in msg ? msg.columns : generatePopulationChunk(msg.generate, msg.chunk);
    const result = processChunk(laws, columns, setup.options);
    port.postMessage({ seq: msg.seq, result }, resultBuffers(result));
  });
}
