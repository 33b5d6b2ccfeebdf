import { validation } from '../lib/errors.js';

/** Line and column (from 1) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/**
 * Why a body is not JSON and where, which Fastify's parser error says neither of: the body is
 * parsed again (only on this failure path) for JSON.parse's own reason and offset. The reason is
 * kept only in the form that quotes none of the body back; a body that is valid JSON here was
 * refused for a `__proto__` or `constructor.prototype` key.
 */
export function invalidJsonError(text: string) {
  let reason: string;
  try {
    JSON.parse(text);
    return validation('The body holds a __proto__ or constructor.prototype key, which is refused', [
      { field: 'body', message: 'holds a __proto__ or constructor.prototype key' },
    ]);
  } catch (err) {
    reason = err instanceof Error ? err.message : '';
  }
  const at = /^(.+?) (?:in JSON )?at position (\d+)/.exec(reason);
  let where = '';
  if (at) {
    const { line, column } = lineAndColumn(text, Number(at[2]));
    where = `: ${at[1]!.charAt(0).toLowerCase()}${at[1]!.slice(1)} at line ${line}, column ${column}`;
  } else if (/^Unexpected end of JSON input/.test(reason)) {
    where = ': it ends before the JSON value is complete';
  }
  return validation(`The body is not valid JSON${where}`, [
    { field: 'body', message: `is not valid JSON${where}` },
  ]);
}
