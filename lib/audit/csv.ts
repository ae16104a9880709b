/** A cell value as the audit export writes it; null and undefined become an empty cell. */
export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

// A spreadsheet treats a cell starting with one of these as a formula, so an attacker who can
// choose an audit field (a token name, a user agent) could make it run "=HYPERLINK(...)" on the
// reader's machine. Tab and carriage return are included as OWASP advises: some programs strip them.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes doubled); text that
 * a spreadsheet would run as a formula gets a leading single quote first.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
