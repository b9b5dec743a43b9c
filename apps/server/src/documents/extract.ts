// The text of an accepted file, for reading and for the search index. Extraction runs on
// untrusted input, so each extractor is bounded (time, pages, characters) and any failure is a
// clear `unreadable_document` error, never a crash. PDFs are read in a worker thread.
import { Worker } from 'node:worker_threads';
import mammoth from 'mammoth';
import { UnreadableDocument } from './pdf-text.ts';
import type { PdfAnswer, PdfJob } from './pdf-worker.ts';
import { DOCX, PDF, TEXT } from './sniff.ts';
import type { AcceptedMediaType } from './sniff.ts';

export { UnreadableDocument };

export interface ExtractLimits {
  /** Give up after this long (default 20 s); a PDF's worker thread is then terminated. */
  timeoutMs?: number;
  /** Read at most this many PDF pages (default 2000). */
  maxPages?: number;
  /** Keep at most this many characters of text (default 5,000,000). */
  maxChars?: number;
}

/** The limits uploads are read with (a test shortens the time to see a reader terminated). */
export const EXTRACT_DEFAULTS: Required<ExtractLimits> = {
  timeoutMs: 20_000,
  maxPages: 2000,
  maxChars: 5_000_000,
};

/** A PDF worker's heap: a hostile file exhausts its own thread's memory, not the server's. */
const WORKER_HEAP_MB = 512;
const BOOTSTRAP = new URL('./pdf-bootstrap.js', import.meta.url);

let liveWorkers = 0;
/** How many PDF worker threads are reading a file (a test checks none outlives its extraction). */
export const pdfWorkers = (): number => liveWorkers;

const spawn = () =>
  new Worker(BOOTSTRAP, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
/**
 * A worker started ahead, pdf.js already loaded, waiting for the next PDF; unref'd so that it
 * never keeps the process alive. Each PDF takes it (or starts one) and leaves a new one waiting.
 */
let spare: Worker | null = null;
function takeWorker(): Worker {
  const worker = spare ?? spawn();
  worker.ref();
  spare = spawn();
  spare.unref();
  const waiting = spare;
  // A spare that dies while waiting (it should not) is replaced on the next take.
  waiting.once('exit', () => {
    if (spare === waiting) spare = null;
  });
  waiting.once('error', () => undefined);
  return worker;
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new UnreadableDocument(`reading the file took longer than ${ms / 1000} s`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * A PDF's text, read in a worker thread of its own so that the server keeps answering meanwhile.
 * On timeout the thread is terminated (pdf.js stops mid-page) before the error is thrown.
 */
async function pdfText(bytes: Uint8Array, limits: Required<ExtractLimits>): Promise<string> {
  // A copy, moved (not cloned) to the worker: the caller keeps its bytes.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const job: PdfJob = {
    bytes: copy,
    limits: { maxPages: limits.maxPages, maxChars: limits.maxChars },
  };
  const worker = takeWorker();
  liveWorkers++;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      liveWorkers--;
      resolve();
    });
  });
  worker.postMessage(job, [copy.buffer]);
  const answer = new Promise<string>((resolve, reject) => {
    worker.once('message', (message: PdfAnswer) => {
      if (message.ok) resolve(message.text);
      else reject(new UnreadableDocument(message.message));
    });
    worker.once('error', (error) => {
      reject(
        new UnreadableDocument(
          error.message.includes('memory')
            ? 'the PDF needs more memory to read than a document may use'
            : `the PDF could not be read: ${error.message}`,
        ),
      );
    });
    void exited.then(() => {
      reject(new UnreadableDocument('the PDF could not be read: its reader stopped'));
    });
  });
  try {
    return await withTimeout(answer, limits.timeoutMs, () => undefined);
  } finally {
    await worker.terminate();
    await exited;
  }
}

async function docxText(bytes: Uint8Array, limits: Required<ExtractLimits>): Promise<string> {
  try {
    const result = await withTimeout(
      mammoth.extractRawText({ buffer: Buffer.from(bytes) }),
      limits.timeoutMs,
      () => undefined,
    );
    return result.value;
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    throw new UnreadableDocument(
      `the DOCX could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
  }
}

/** The text of a file of a sniffed type; throws `UnreadableDocument` when it cannot be read. */
export async function extractText(
  bytes: Uint8Array,
  mediaType: AcceptedMediaType,
  options: ExtractLimits = {},
): Promise<string> {
  const limits = { ...EXTRACT_DEFAULTS, ...options };
  let text: string;
  switch (mediaType) {
    case PDF:
      text = await pdfText(bytes, limits);
      break;
    case DOCX:
      text = await docxText(bytes, limits);
      break;
    case TEXT:
      text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      break;
  }
  return text.normalize('NFC').slice(0, limits.maxChars);
}
