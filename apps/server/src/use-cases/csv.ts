// CSV as RFC 4180 writes it: a header row, CRLF line ends, a field quoted when it holds a comma,
// a double quote, CR or LF (quotes doubled inside). Cells that a spreadsheet would run as a
// formula (starting with =, +, -, @, tab or CR) are prefixed with an apostrophe, as OWASP
// advises: open data must not become a way to run formulas on the reader's machine.

/** The characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** How one JSON value becomes a cell: nested values as JSON, absent and null as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return FORMULA_START.test(json) ? `'${json}` : json;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV under `columns`; `bom` prefixes the UTF-8 byte-order mark (for Excel). */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  options: { bom?: boolean } = {},
): string {
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(cellText(row[c]))).join(','));
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
