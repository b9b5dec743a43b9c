// The build's compressed copies: what the server sends to a browser that accepts them must be
// the file itself, once decompressed; small and binary files are left alone.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressDirectory } from '../build/compress-plugin.ts';

describe('the build compresses its text files', () => {
  it('writes .br and .gz copies that decompress to the file, for text files of 1 KB or more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tulay-compress-'));
    mkdirSync(join(dir, 'assets'));
    const script = `export const words = ${JSON.stringify('ระบบประกันสังคม '.repeat(300))};\n`;
    writeFileSync(join(dir, 'assets', 'index-1.js'), script);
    writeFileSync(join(dir, 'assets', 'tiny.css'), 'a{color:red}');
    writeFileSync(join(dir, 'assets', 'font.woff2'), Buffer.alloc(4096, 7));
    expect(compressDirectory(dir)).toBe(1);
    const file = join(dir, 'assets', 'index-1.js');
    const br = readFileSync(`${file}.br`);
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(br.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(existsSync(join(dir, 'assets', 'tiny.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'font.woff2.gz'))).toBe(false);
  });
});
