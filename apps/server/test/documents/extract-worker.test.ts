// PDFs are read in a worker thread: the server answers other requests while a long PDF is read,
// and a reader that runs past its time is terminated and reported as unreadable (422).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTRACT_DEFAULTS,
  UnreadableDocument,
  extractText,
  pdfWorkers,
} from '../../src/documents/extract.ts';
import { PDF } from '../../src/documents/sniff.ts';
import type { Harness } from '../harness.ts';
import { harness } from '../harness.ts';
import { THAI, longPdf, pdf, uploadCall } from './files.ts';

describe('PDF extraction in a worker thread', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('terminates a reader that runs past its time, leaving no thread behind', async () => {
    const reading = extractText(pdf('Migrant workers', THAI), PDF, { timeoutMs: 1 });
    expect(pdfWorkers()).toBe(1);
    await expect(reading).rejects.toThrow(UnreadableDocument);
    await expect(reading).rejects.toThrow(/took longer than 0.001 s/);
    expect(pdfWorkers()).toBe(0);
    // The next one is read as usual.
    expect(await extractText(pdf('Migrant workers', THAI), PDF)).toContain('Migrant workers');
    expect(pdfWorkers()).toBe(0);
  }, 60_000);

  it('answers an upload whose reader ran late with 422 unreadable_document naming the file', async () => {
    const usual = EXTRACT_DEFAULTS.timeoutMs;
    EXTRACT_DEFAULTS.timeoutMs = 1;
    try {
      const call = uploadCall({}, '/api/documents', {
        file: { name: 'file', filename: 'slow.pdf', value: pdf('Migrant workers', THAI) },
      });
      const res = await (
        await h.as('member')
      ).request(call.method, call.url, call.body, call.headers);
      expect(res.status, res.text).toBe(422);
      const body = res.body as {
        error: { code: string; fields: { path: string; message: string }[] };
      };
      expect(body.error.code).toBe('unreadable_document');
      expect(body.error.fields[0]?.path).toBe('file');
      expect(body.error.fields[0]?.message).toMatch(/took longer than/);
    } finally {
      EXTRACT_DEFAULTS.timeoutMs = usual;
    }
    expect(pdfWorkers()).toBe(0);
  }, 60_000);

  it('keeps answering requests while a long PDF is read', async () => {
    const bytes = longPdf(30, 200);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const state = { extracted: false };
    const done = () => state.extracted;
    const started = performance.now();
    // A generous time: the machine running the tests may be busy.
    const reading = extractText(bytes, PDF, { timeoutMs: 100_000 }).finally(() => {
      state.extracted = true;
    });
    reading.catch(() => undefined);
    const health: number[] = [];
    const client = await h.as('public');
    while (!done()) {
      const t = performance.now();
      const res = await client.get('/api/health');
      expect(res.status).toBe(200);
      // Only those answered while the PDF was still being read count.
      if (!done()) health.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const text = await reading;
    const took = performance.now() - started;
    loop.disable();
    expect(text).toContain('Line 199 of migrant workers');
    // Health requests were answered, several of them, while the PDF was being read…
    expect(health.length).toBeGreaterThan(3);
    // …and the server's own thread was never held for more than a fraction of the reading.
    expect(loop.max / 1e6).toBeLessThan(took / 3);
  }, 120_000);
});
