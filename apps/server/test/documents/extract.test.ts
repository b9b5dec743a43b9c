// Sniffing decides a file's type from its bytes alone; extraction reads PDF, DOCX and UTF-8 text
// (Thai and Khmer included) and reports a file it cannot read instead of crashing.
import { describe, expect, it } from 'vitest';
import { UnreadableDocument, extractText } from '../../src/documents/extract.ts';
import { DOCX, PDF, TEXT, sanitiseFileName, sniff } from '../../src/documents/sniff.ts';
import { KHMER, THAI, docx, encryptedPdf, executable, pdf } from './files.ts';

describe('sniffing', () => {
  it('knows a PDF, a DOCX and UTF-8 text by their content', async () => {
    expect(await sniff(pdf('Hello', THAI))).toEqual({ ok: true, mediaType: PDF });
    expect(await sniff(await docx(['Hello']))).toEqual({ ok: true, mediaType: DOCX });
    expect(await sniff(Buffer.from(`\uFEFF${THAI}\n${KHMER}`, 'utf8'))).toEqual({
      ok: true,
      mediaType: TEXT,
    });
  });

  it('refuses an executable, an image, a plain zip, invalid UTF-8 and NUL bytes, saying what it saw', async () => {
    const exe = await sniff(executable());
    expect(exe.ok).toBe(false);
    expect(!exe.ok && exe.detected).toMatch(/exe|msdownload|portable/i);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const image = await sniff(png);
    expect(!image.ok && image.detected).toContain('image/png');
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('notes.txt', 'not a word document');
    const plainZip = await sniff(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(!plainZip.ok && plainZip.detected).toContain('zip');
    expect((await sniff(Buffer.from([0xc3, 0x28, 0x41]))).ok).toBe(false);
    expect((await sniff(Buffer.from('abc\0def', 'latin1'))).ok).toBe(false);
  });

  it('sanitises names: no path, no control characters or quotes', () => {
    expect(sanitiseFileName('../../etc/passwd', 'file')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\x\\"report".pdf', 'file')).toBe('report.pdf');
    expect(sanitiseFileName('line\nbreak\u202E.txt', 'file')).toBe('linebreak.txt');
    expect(sanitiseFileName('', 'file')).toBe('file');
    expect(sanitiseFileName('รายงาน.pdf', 'file')).toBe('รายงาน.pdf');
  });
});

describe('extraction', () => {
  it('reads the text layer of a PDF, Thai and Khmer included', async () => {
    const text = await extractText(pdf('Migrant workers', `${THAI} ${KHMER}`), PDF);
    expect(text).toContain('Migrant workers');
    expect(text).toContain(THAI);
    expect(text).toContain(KHMER);
  });

  it('reads a DOCX paragraph by paragraph', async () => {
    const text = await extractText(await docx(['Social protection', THAI, KHMER]), DOCX);
    expect(text).toContain('Social protection');
    expect(text).toContain(THAI);
    expect(text).toContain(KHMER);
  });

  it('decodes UTF-8 text without its byte-order mark', async () => {
    const text = await extractText(Buffer.from(`\uFEFF${THAI}\n${KHMER}`, 'utf8'), TEXT);
    expect(text).toBe(`${THAI}\n${KHMER}`);
  });

  it('reports an encrypted or broken PDF and a broken DOCX as unreadable', async () => {
    await expect(extractText(encryptedPdf(), PDF)).rejects.toThrow(UnreadableDocument);
    await expect(extractText(Buffer.from('%PDF-1.7\ngarbage', 'latin1'), PDF)).rejects.toThrow(
      UnreadableDocument,
    );
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/styles.xml', '<x/>');
    await expect(
      extractText(await zip.generateAsync({ type: 'nodebuffer' }), DOCX),
    ).rejects.toThrow(UnreadableDocument);
  });

  it('keeps at most the character limit', async () => {
    const text = await extractText(Buffer.from('a'.repeat(1000), 'utf8'), TEXT, { maxChars: 10 });
    expect(text).toHaveLength(10);
  });
});
