import { parse } from 'csv-parse/sync';
import type { CsvProblem } from './values.ts';

/**
 * The CSV text as a header and records, each with the line it starts on.
 *
 * Tolerant of what spreadsheets and scripts produce: a byte order mark, CRLF, LF or CR line ends (also
 * mixed), quotes inside unquoted cells, rows shorter or longer than the header, blank lines. A record the
 * parser cannot read (a quote never closed) is reported and skipped. Line ends inside cells become "\n".
 */

export interface CsvRecord {
  line: number;
  /** Cells by normalized header name; a name the header repeats holds every cell under it. */
  row: CsvRow;
}

export interface CsvTable {
  /** Header names as written, trimmed. */
  header: string[];
  /** Normalized header names (see normalizeHeader), in order. */
  columns: string[];
  records: CsvRecord[];
}

/**
 * Lower case, spaces and hyphens as underscores, and pandas' suffix for a repeated name dropped
 * ("initiator_country.1" is a second "initiator_country").
 */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\.\d+$/, '')
    .replace(/[\s-]+/g, '_');
}

export class CsvRow {
  readonly #cells: readonly string[];
  readonly #indexes: ReadonlyMap<string, readonly number[]>;

  constructor(cells: readonly string[], indexes: ReadonlyMap<string, readonly number[]>) {
    this.#cells = cells;
    this.#indexes = indexes;
  }

  has(column: string): boolean {
    return this.#indexes.has(column);
  }

  /**
   * The cell under `column`, or undefined when the header has no such column. Under a repeated name, the
   * distinct non-empty cells joined with "; ", so that lists in either copy are read.
   */
  get(column: string): string | undefined {
    const indexes = this.#indexes.get(column);
    if (!indexes) return undefined;
    if (indexes.length === 1) return this.#cells[indexes[0] as number] ?? '';
    const values: string[] = [];
    for (const index of indexes) {
      const value = (this.#cells[index] ?? '').trim();
      if (value !== '' && !values.includes(value)) values.push(value);
    }
    return values.join('; ');
  }

  /** True when every cell is empty: a blank line or a row of separators. */
  isBlank(): boolean {
    return this.#cells.every((cell) => cell.trim() === '');
  }
}

export function readCsvTable(text: string, problems: CsvProblem[]): CsvTable | null {
  // One line end throughout, so that line numbers count what an editor shows.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(normalized, {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        problems.push({
          line: typeof error?.lines === 'number' ? error.lines : null,
          severity: 'error',
          message: `A record could not be read and was skipped: ${error?.message ?? 'malformed CSV'}.`,
        });
        return undefined;
      },
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const csvError = error as { lines?: number; message?: string };
    problems.push({
      line: csvError.lines ?? null,
      severity: 'error',
      message: `The file is not readable CSV: ${csvError.message ?? String(error)}`,
    });
    return null;
  }

  const withLines = parsed.map(({ record, info }) => {
    // The parser gives the line a record ends on; a record spans one line more per line end in its cells.
    const breaks = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    return { cells: record, line: info.lines - breaks };
  });
  const headerRecord = withLines.find((candidate) => candidate.cells.some((cell) => cell.trim() !== ''));
  if (!headerRecord) {
    problems.push({ line: null, severity: 'error', message: 'The file has no header row.' });
    return null;
  }
  const header = headerRecord.cells.map((cell) => cell.trim());
  const columns = header.map(normalizeHeader);
  const indexes = new Map<string, number[]>();
  columns.forEach((column, index) => {
    if (column === '') return;
    const list = indexes.get(column);
    if (list) list.push(index);
    else indexes.set(column, [index]);
  });

  const records: CsvRecord[] = [];
  for (const candidate of withLines) {
    if (candidate === headerRecord) continue;
    const row = new CsvRow(candidate.cells, indexes);
    if (row.isBlank()) continue;
    if (candidate.cells.length > header.length && candidate.cells.slice(header.length).some((c) => c.trim()))
      problems.push({
        line: candidate.line,
        severity: 'warning',
        message: `The row has ${candidate.cells.length} cells and the header ${header.length}; the extra cells were not read.`,
      });
    records.push({ line: candidate.line, row });
  }
  return { header, columns, records };
}
