// The text of an accepted file, for reading and for the search index. Extraction runs on
// untrusted input, so each extractor is bounded (time, pages, characters) and any failure is a
// clear `unreadable_document` error, never a crash.
import mammoth from 'mammoth';
import { DOCX, PDF, TEXT } from './sniff.ts';
import type { AcceptedMediaType } from './sniff.ts';

export class UnreadableDocument extends Error {
  override readonly name = 'UnreadableDocument';
}

export interface ExtractLimits {
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  /** Read at most this many PDF pages (default 2000). */
  maxPages?: number;
  /** Keep at most this many characters of text (default 5,000,000). */
  maxChars?: number;
}

const DEFAULTS = { timeoutMs: 20_000, maxPages: 2000, maxChars: 5_000_000 };

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

async function pdfText(bytes: Uint8Array, limits: Required<ExtractLimits>): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const read = async (): Promise<string> => {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PasswordException')
        throw new UnreadableDocument('the PDF is encrypted with a password');
      throw new UnreadableDocument(
        `the PDF could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    }
    const pages: string[] = [];
    let length = 0;
    const count = Math.min(document.numPages, limits.maxPages);
    for (let n = 1; n <= count && length < limits.maxChars; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      pages.push(text.trim());
      length += text.length;
    }
    return pages.join('\n\n');
  };
  try {
    return await withTimeout(read(), limits.timeoutMs, () => void task.destroy());
  } finally {
    await task.destroy();
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
  const limits = { ...DEFAULTS, ...options };
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
