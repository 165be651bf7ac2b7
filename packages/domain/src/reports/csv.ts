/**
 * CSV for French Excel: UTF-8 with a byte order mark (without it Excel reads the file as Windows-1252 and mangles
 * accents), `;` as separator (the list separator of the French locale, since `,` is the decimal mark), CRLF line
 * ends, RFC 4180 quoting, dates as dd/mm/yyyy (see paris-time.ts) and decimals with a comma.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

export type Cell = string | number | boolean | null | undefined;

/**
 * A cell that needs quoting holds the separator, a quote or a line break, or starts or ends with a space Excel
 * would trim. Text starting like a formula is data, not a formula (CSV injection: a display name "=HYPERLINK(…)"
 * must not run in HR's spreadsheet): it gets a leading apostrophe, which Excel hides. Scanned by character codes:
 * exports write millions of cells.
 */
function quoteIfNeeded(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let quote = s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32;
  let hasQuote = false;
  for (let i = 0; i < n && !hasQuote; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) hasQuote = quote = true;
    else if (c === 59 || c === 10 || c === 13) quote = true;
  }
  if (!quote) return s;
  return `"${hasQuote ? s.replaceAll('"', '""') : s}"`;
}

const FORMULA_START = new Set([61, 43, 45, 64, 9, 13]); // = + - @ tab CR

/** One cell. Strings are user data (neutralised and quoted as needed); numbers are written as French decimals. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? frNumber(value) : '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return quoteIfNeeded(value.length && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value);
}

/** One record, CRLF-terminated. */
export function csvLine(cells: readonly Cell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i) out += CSV_SEPARATOR;
    out += csvCell(cells[i]);
  }
  return out + CSV_EOL;
}

/** The start of a file: BOM, then the header line. */
export function csvHead(header: readonly string[]): string {
  return CSV_BOM + csvLine(header);
}

/** French decimal notation: `84,6` (at most `digits` decimals, trailing zeros dropped); integers as they are. */
export function frNumber(n: number, digits = 2): string {
  if (Number.isInteger(n)) return String(n);
  const f = 10 ** digits;
  return String(Math.round(n * f) / f).replace('.', ',');
}

/** A rate (0–1) as a percentage with one decimal, French notation: 0.8462 → `84,6`. Empty when undefined. */
export function frPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '';
  return frNumber(Math.round(rate * 1000) / 10, 1);
}

/**
 * Reads CSV as written above (RFC 4180 with `;`): quoted fields, doubled quotes, line breaks inside quotes. Used by
 * tests to check exports round-trip, and by anyone re-importing an export. A leading BOM is skipped.
 */
export function parseCsv(text: string, separator = CSV_SEPARATOR): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith(CSV_BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // CRLF ends the record; the \n is consumed on the next turn.
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
