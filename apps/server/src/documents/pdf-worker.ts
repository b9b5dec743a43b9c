// One PDF's extraction in a worker thread of its own: it receives the bytes and limits, posts
// back the text or why it could not be read, and is terminated by the server if it runs late.
import { parentPort, workerData } from 'node:worker_threads';
import type { PdfLimits } from './pdf-text.ts';
import { UnreadableDocument, pdfText } from './pdf-text.ts';

/** What the server sends (workerData) and what the worker answers. */
export interface PdfJob {
  bytes: Uint8Array;
  limits: PdfLimits;
}
export type PdfAnswer = { ok: true; text: string } | { ok: false; message: string };

const job = workerData as PdfJob;
let answer: PdfAnswer;
try {
  answer = { ok: true, text: await pdfText(job.bytes, job.limits) };
} catch (error) {
  answer = {
    ok: false,
    message:
      error instanceof UnreadableDocument
        ? error.message
        : `the PDF could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
  };
}
parentPort?.postMessage(answer);
