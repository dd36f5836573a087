/** One cell: text, a number (written as the machine reads it, never localized), or nothing. */
export type CsvCell = string | number | null | undefined;
export type CsvRow = readonly CsvCell[];

/**
 * The byte-order mark makes spreadsheet programs read the file as UTF-8; without it Excel guesses a legacy
 * code page and Arabic, Chinese or Russian labels turn to mojibake.
 */
export const CSV_BOM = '\uFEFF';

// A spreadsheet evaluates a cell that starts with one of these as a formula (OWASP "CSV injection"): an actor
// name or a source title written by someone else must stay text. Tab and carriage return start formulas too
// in some programs once the cell is trimmed.
const FORMULA_START = /^[=+\-@\t\r]/;
// Labels carry Unicode directional isolates for display in right-to-left pages; a spreadsheet cell lays out
// its own text, and invisible marks would only get in the way of searching and joining.
const DIRECTIONAL_ISOLATES = /[\u2066-\u2069]/g;
// Fields with a delimiter, a quote or a line break must be quoted (RFC 4180); the semicolon too, because
// spreadsheets in many locales split on it.
const NEEDS_QUOTES = /[",;\r\n]/;

/** One cell as CSV text: formula-guarded, quoted where needed, quotes doubled. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const plain = value.replace(DIRECTIONAL_ISOLATES, '');
  const text = FORMULA_START.test(plain) ? `'${plain}` : plain;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: byte-order mark, comma-separated fields, CRLF line ends as RFC 4180 writes them. */
export function toCsv(rows: readonly CsvRow[]): string {
  const lines = rows.map((row) => `${row.map(csvField).join(',')}\r\n`);
  return CSV_BOM + lines.join('');
}

export const csvBlob = (rows: readonly CsvRow[]): Blob =>
  new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' });
