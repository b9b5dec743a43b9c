// How a failure while reading a multipart body is reported, the same on both upload routes (their
// tests send real bodies; these are the cases a request cannot provoke, such as a full disk).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/errors.ts';
import { multipartFailure } from '../src/http/multipart.ts';

const route = {
  tooLarge: () => new ApiError('payload_too_large', 'over the limit'),
  send: 'send one file',
};
const withCode = (code: string) => Object.assign(new Error(`parser says ${code}`), { code });

describe('multipartFailure', () => {
  it('passes an ApiError through untouched', () => {
    const error = new ApiError('invalid_request', 'unexpected form field "x"');
    expect(multipartFailure(error, route)).toBe(error);
  });

  it('maps the parser’s limits to 413 and 400 in the route’s words', () => {
    expect(multipartFailure(withCode('FST_REQ_FILE_TOO_LARGE'), route)).toMatchObject({
      code: 'payload_too_large',
      message: 'over the limit',
    });
    for (const code of ['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT'])
      expect(multipartFailure(withCode(code), route)).toMatchObject({
        code: 'invalid_request',
        message: 'the form has too many parts: send one file',
      });
  });

  it('carries any other parser failure’s words in a 400', () => {
    expect(multipartFailure(new Error('Unexpected end of form'), route)).toMatchObject({
      code: 'invalid_request',
      message: 'the multipart body could not be read: Unexpected end of form',
    });
    expect(multipartFailure('a string', route)).toMatchObject({
      code: 'invalid_request',
      message: 'the multipart body could not be read: unknown error',
    });
  });

  it('leaves a system error (a disk write, naming a private path) to become a 500', () => {
    const disk = Object.assign(new Error("ENOSPC: no space left on device, write '/tmp/up-1'"), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    const reported = multipartFailure(disk, route);
    expect(reported).toBe(disk);
    expect(reported).not.toBeInstanceOf(ApiError);
  });
});
