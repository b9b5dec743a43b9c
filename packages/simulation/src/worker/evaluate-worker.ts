import { parentPort, workerData } from 'node:worker_threads';
import type { PopulationColumns } from '../columnar.ts';
import { evaluateChunk } from '../evaluate-chunk.ts';
import type { LawSpec } from '../laws.ts';
import { compileLaws } from '../laws.ts';

/** A chunk to evaluate, numbered so the pool can put results back in order. */
export interface ChunkRequest {
  readonly seq: number;
  readonly columns: PopulationColumns;
}

const port = parentPort;
if (port) {
  const laws = compileLaws(workerData as LawSpec);
  port.on('message', (msg: ChunkRequest) => {
    const o = evaluateChunk(laws, msg.columns);
    const transfer = [
      o.coveredBaseline,
      o.coveredReform,
      o.receivesBaseline,
      o.receivesReform,
      o.notPayableBaseline,
      o.notPayableReform,
      o.monthsLostBaseline,
      o.monthsLostReform,
      o.change,
      o.barriersRemoved,
    ].map((a) => a.buffer as ArrayBuffer);
    port.postMessage({ seq: msg.seq, outcome: o }, transfer);
  });
}
