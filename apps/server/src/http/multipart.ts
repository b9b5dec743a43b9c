// Reading a multipart/form-data upload: one `file` part and a `metadata` field. The file is read
// into memory up to the limit @fastify/multipart enforces; anything else in the form is refused
// with an error naming the part.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';

/** The largest file the library accepts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface Upload {
  file?: { bytes: Buffer; filename: string };
  metadata?: string;
}

/**
 * The error to report for a failure while reading a multipart body, the same on every upload
 * route: an ApiError passes through; the parser's file limit is 413 (worded by the route, which
 * knows its limit); its parts limits are a 400 saying what to `send`; any other parser failure is
 * a 400 carrying the parser's own words. A system error (a failed disk write, whose message names
 * a private path) is the server's, not the body's: it passes through to become a 500.
 */
export function multipartFailure(
  error: unknown,
  route: { tooLarge: () => ApiError; send: string },
): Error {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && 'syscall' in error) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return route.tooLarge();
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new ApiError('invalid_request', `the form has too many parts: ${route.send}`);
  return new ApiError(
    'invalid_request',
    `the multipart body could not be read: ${error instanceof Error ? error.message : 'unknown error'}`,
  );
}

const tooLarge = () =>
  new ApiError('payload_too_large', 'the file is larger than the 20 MiB limit', [
    { path: 'file', message: 'at most 20 MiB' },
  ]);

/** The parts of the upload; throws 415 when the request is not multipart. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new ApiError(
      'unsupported_media_type',
      'send the document as multipart/form-data with a "file" part and a "metadata" part',
    );
  }
  const upload: Upload = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || upload.file !== undefined) {
          part.file.resume();
          throw new ApiError('invalid_request', `unexpected file part "${part.fieldname}"`, [
            { path: part.fieldname, message: 'only one part named "file" is accepted' },
          ]);
        }
        const bytes = await part.toBuffer();
        upload.file = { bytes, filename: part.filename };
      } else if (part.fieldname === 'metadata' && typeof part.value === 'string') {
        upload.metadata = part.value;
      } else {
        throw new ApiError('invalid_request', `unexpected form field "${part.fieldname}"`, [
          { path: part.fieldname, message: 'the form takes only "file" and "metadata"' },
        ]);
      }
    }
  } catch (error) {
    throw multipartFailure(error, { tooLarge, send: 'send one file and its metadata' });
  }
  return upload;
}
