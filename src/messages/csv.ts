/**
 * CSV as spreadsheets read it (RFC 4180): fields with a comma, quote or line break are quoted,
 * quotes doubled, lines end in CRLF.
 *
 * A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
 * spreadsheets skip before reading a formula) is run as a formula by Excel, LibreOffice and
 * Google Sheets: a customer's message text could otherwise call a URL or a program on the machine
 * of whoever opens the export. Such a cell gets a leading `'`, which spreadsheets read as "text".
 * A phone number in E.164 (`+` and digits) is left as it is: it is no formula, only a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const E164 = /^\+\d{1,15}$/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !E164.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
