// What a file is, from its bytes alone. The name and the declared Content-Type are the sender's
// claims and are ignored: a PDF renamed .txt is a PDF, and an executable renamed .pdf is refused.
import { fileTypeFromBuffer } from 'file-type';

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TEXT = 'text/plain';
export type AcceptedMediaType = typeof PDF | typeof DOCX | typeof TEXT;

export type Sniffed =
  | { ok: true; mediaType: AcceptedMediaType }
  /** `detected` says what the bytes look like, for the error message. */
  | { ok: false; detected: string };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Valid UTF-8 (an optional byte-order mark allowed) without NUL bytes. */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Sniffs a PDF (by its `%PDF-` header), a DOCX (a zip with a word/ part), or UTF-8 text. */
export async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  if (startsWith(bytes, PDF_MAGIC)) return { ok: true, mediaType: PDF };
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime === DOCX) return { ok: true, mediaType: DOCX };
  if (type !== undefined) return { ok: false, detected: `${type.mime} (.${type.ext})` };
  if (isPlainText(bytes)) return { ok: true, mediaType: TEXT };
  return { ok: false, detected: 'binary data of no known type, and not UTF-8 text' };
}

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment,
 * without control characters, quotes or separators, at most 200 characters.
 */
export function sanitiseFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*:<>?|]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return (cleaned === '' ? fallback : cleaned).slice(0, 200);
}
