// Tiny synthetic files built in the test: a hand-written PDF (Latin text in Helvetica, and any
// script through a ToUnicode map, so Thai and Khmer come back out of the text layer), a DOCX
// zipped with jszip, and a multipart body like a browser's form upload.
import JSZip from 'jszip';
import type { Call } from '../cases.ts';
import type { Harness, Who } from '../harness.ts';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** Assembles PDF objects with a correct cross-reference table. */
function assemble(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      latin1(`${i + 1} 0 obj\n`),
      typeof body === 'string' ? latin1(body) : body,
      latin1('\nendobj\n'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.concat([...parts, latin1(xref)]);
}

const stream = (content: Buffer | string) => {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return Buffer.concat([
    latin1(`<< /Length ${bytes.length} >>\nstream\n`),
    bytes,
    latin1('\nendstream'),
  ]);
};

/** A long PDF (`pages` pages of `lines` lines of Latin text): seconds of work for pdf.js. */
export function longPdf(pages: number, lines: number): Buffer {
  const content = Array.from(
    { length: lines },
    (_, i) =>
      `BT /F1 9 Tf 40 ${780 - (i % 80) * 9} Td (Line ${i} of migrant workers' social protection) Tj ET`,
  ).join('\n');
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream(content),
    ...Array.from(
      { length: pages },
      () =>
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>',
    ),
  ]);
}

/** A one-page PDF with a line of Latin text and a line in any script (e.g. Thai, Khmer). */
export function pdf(latin: string, unicode: string): Buffer {
  // One code point per character code: the ToUnicode map below maps each back.
  const chars = Array.from(unicode);
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const utf16 = (c: string) =>
    [...Buffer.from(c, 'utf16le').swap16()].map((b) => b.toString(16).padStart(2, '0')).join('');
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c, i) => `<${hex(i + 1)}> <${utf16(c)}>`),
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const codes = chars.map((_, i) => hex(i + 1)).join('');
  const content = `BT /F1 12 Tf 72 720 Td (${latin}) Tj ET\nBT /F2 12 Tf 72 700 Td <${codes}> Tj ET`;
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /Synthetic /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Synthetic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 9 0 R /DW 600 >>',
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /Synthetic /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ]);
}

/** A PDF whose trailer says it is encrypted: pdf.js asks for a password it is never given. */
export function encryptedPdf(): Buffer {
  const plain = pdf('Secret', 'x').toString('latin1');
  const withEncrypt = plain
    .replace(
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    )
    .replace(
      /trailer\n<< \/Size (\d+) \/Root 1 0 R >>/,
      (_, size: string) =>
        `trailer\n<< /Size ${size} /Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >> /ID [<${'33'.repeat(16)}> <${'33'.repeat(16)}>] >>`,
    );
  return Buffer.from(withEncrypt, 'latin1');
}

/** A minimal Word document with one paragraph per string. */
export async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
      .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`)
      .join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A Windows executable's first bytes (MZ header with a PE signature). */
export function executable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);
  return bytes;
}

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body and its content-type header. */
export function multipart(parts: Part[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----tulay${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const head = [`--${boundary}`, `Content-Disposition: ${disposition}`];
    if (part.contentType !== undefined) head.push(`Content-Type: ${part.contentType}`);
    chunks.push(Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'utf8'));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value);
    chunks.push(Buffer.from('\r\n', 'utf8'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const THAI = 'สิทธิประโยชน์ของแรงงานข้ามชาติ';
export const KHMER = 'សិទ្ធិពលករចំណាកស្រុក';

/** The seeded research draft, with sections from the report's headings. */
export const RESEARCH = 'research_social_protection_2011';

export const METADATA = {
  title: 'Synthetic test submission',
  language: 'th',
  countries: ['TH', 'KH'],
  corridor: { origin: 'KH', destination: 'TH' },
  type: 'news',
  date: '2026-02',
  visibility: 'public',
};

/** A multipart upload call: a small UTF-8 text file and metadata (the defaults, overridden). */
export function uploadCall(
  overrides: Record<string, unknown> = {},
  url = '/api/documents',
  options: { isPartial?: boolean; file?: Part | null } = {},
): Call {
  const metadata = options.isPartial === true ? overrides : { ...METADATA, ...overrides };
  const file =
    options.file === undefined
      ? {
          name: 'file',
          filename: 'notes.txt',
          contentType: 'text/plain',
          value: `${THAI}\n${KHMER}\nSynthetic text.`,
        }
      : options.file;
  const { body, headers } = multipart([
    { name: 'metadata', value: JSON.stringify(metadata) },
    ...(file === null ? [] : [file]),
  ]);
  return { method: 'POST', url, body, headers };
}

/** Uploads a document as `who`; returns its id. */
export async function upload(
  h: Harness,
  who: Who,
  overrides: Record<string, unknown> = {},
  file?: Part,
): Promise<string> {
  const call = uploadCall(overrides, '/api/documents', file === undefined ? {} : { file });
  const res = await (await h.as(who)).request(call.method, call.url, call.body, call.headers);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}
