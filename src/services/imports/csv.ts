/**
 * CSV as the national systems and Excel write it: comma-separated, fields in double quotes when they hold a comma,
 * a quote or a line break, CRLF or LF. Excel saves "CSV" in the system's code page, GBK on Chinese Windows, so text
 * that is not valid UTF-8 is read as GB18030 (a superset of GBK) and the report says so.
 */
import type { Localized } from '../../domain/errors.ts';

/** The text of a CSV file and a notice when it was not UTF-8. */
export function decodeCsv(bytes: Uint8Array): { text: string; notice?: Localized } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return {
      text: new TextDecoder('gb18030').decode(body),
      notice: {
        zh: '文件不是 UTF-8 编码，已按 GBK（GB18030）读取；请核对报告中的中文是否正确',
        en: 'The file is not UTF-8; it was read as GBK (GB18030). Check that the Chinese text in the report is right',
      },
    };
  }
}

/** Splits CSV text into rows of fields (quotes and doubled quotes honoured). */
export function* csvRows(text: string): Generator<string[]> {
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    yield row;
  }
}

/** One field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
