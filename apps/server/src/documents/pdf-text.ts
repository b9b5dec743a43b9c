// The text layer of a PDF, read with pdf.js. Runs in a worker thread (pdf-worker.ts): pdf.js
// parses on whatever thread calls it, and a large or hostile file must not stall the server.
export class UnreadableDocument extends Error {
  override readonly name = 'UnreadableDocument';
}

/** Bounds on what is read: pages, and characters of text. */
export interface PdfLimits {
  maxPages: number;
  maxChars: number;
}

/** The text of each page, pages apart by a blank line; throws `UnreadableDocument`. */
export async function pdfText(bytes: Uint8Array, limits: PdfLimits): Promise<string> {
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
  try {
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
  } finally {
    await task.destroy();
  }
}
