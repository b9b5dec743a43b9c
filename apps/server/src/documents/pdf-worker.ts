// One PDF's extraction in a worker thread of its own: it receives the bytes and limits (one
// message), posts back the text or why it could not be read, and is terminated by the server
// when done or when it runs late.
import { parentPort } from 'node:worker_threads';
import type { PdfLimits } from './pdf-text.ts';
import { UnreadableDocument, pdfText } from './pdf-text.ts';

/** What the server sends and what the worker answers. */
export interface PdfJob {
  bytes: Uint8Array;
  limits: PdfLimits;
}
export type PdfAnswer = { ok: true; text: string } | { ok: false; message: string };

// pdf.js is loaded before the job arrives: the server keeps one worker waiting, so an upload does
// not wait for pdf.js to load (seconds on a busy machine).
await import('pdfjs-dist/legacy/build/pdf.mjs');
parentPort?.once('message', (job: PdfJob) => {
  void pdfText(job.bytes, job.limits).then(
    (text) => parentPort?.postMessage({ ok: true, text } satisfies PdfAnswer),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        message:
          error instanceof UnreadableDocument
            ? error.message
            : `the PDF could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
      } satisfies PdfAnswer),
  );
});
