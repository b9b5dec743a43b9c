import { describe, expect, it } from 'vitest';
import { redactUrl } from '../src/logger.ts';

describe('request logs', () => {
  it.each([
    ['/api/invitations/abcDEF123_-x', '/api/invitations/[redacted]'],
    ['/api/invitations/abcDEF123/accept', '/api/invitations/[redacted]/accept'],
    ['/invitations/tok?x=1', '/invitations/[redacted]?x=1'],
    ['/api/texts/resolution_caucus_2011', '/api/texts/resolution_caucus_2011'],
  ])('never contain an invitation token: %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
