// Where the studio's chart labels may break into a second line: at spaces, never after an opening
// bracket, and between the words of scripts written without spaces.
import { describe, expect, it } from 'vitest';
import { breakable } from '../src/studio/charts.tsx';

describe('breakable', () => {
  it('breaks English after spaces, keeping a bracket with its word', () => {
    expect(breakable('Qualifying period not met (totalization)', 'en')).toEqual([
      'Qualifying ',
      'period ',
      'not ',
      'met ',
      '(totalization)',
    ]);
  });

  it('breaks Thai between words, though it has no spaces', () => {
    const pieces = breakable('ระยะเวลาประกันตนไม่ครบ', 'th');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('ระยะเวลาประกันตนไม่ครบ');
  });

  it('gives a single word whole', () => {
    expect(breakable('Language', 'en')).toEqual(['Language']);
  });
});
