import { validation } from '../lib/errors.js';
import { idPattern, type IdPrefix } from '../lib/ids.js';

/**
 * Keyset pagination over time-sortable ids, newest first: the cursor is the last id of the
 * previous page, wrapped so clients treat it as opaque.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`v1:${lastId}`, 'utf8').toString('base64url');
}

/**
 * The id a cursor holds. With `kind`, the list's own id prefix: a cursor from another list (ids
 * compare as text, so `dev_…` sorts before `tpl_…`) silently gave the first page again, or nothing.
 */
export function decodeCursor(cursor: string | undefined, kind?: IdPrefix): string | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // A forged cursor is only base64: control characters (a NUL, which PostgreSQL cannot hold in
  // text) and bytes that were not UTF-8 (decoded as U+FFFD) are no position this API wrote.
  if (!text.startsWith('v1:') || text.length < 5 || NOT_WRITTEN_BY_US.test(text)) throw notACursor();
  const id = text.slice(3);
  if (kind !== undefined) {
    if (!id.startsWith(`${kind}_`)) throw cursorFromAnotherList();
    if (!isIdOf(kind, id)) throw notACursor();
  }
  return id;
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_WRITTEN_BY_US = /[\u0000-\u001f\u007f\ufffd]/;

const notACursor = () =>
  validation('cursor is not a cursor from this API', [
    { field: 'querystring.cursor', message: 'is invalid' },
  ]);

const isIdOf = (kind: IdPrefix, id: string) => new RegExp(idPattern(kind)).test(id);

/**
 * A cursor this API wrote (it decoded) whose position is not of the list it was passed to. Lists
 * with their own position shape (time and id, priority and id, a phone) refuse with this too.
 */
export function cursorFromAnotherList() {
  return validation("cursor is from another list; pass the nextCursor of this list's previous page", [
    { field: 'querystring.cursor', message: 'is from another list' },
  ]);
}

/**
 * The position a list with its own cursor shape (time and id, priority and id, a phone) reads
 * from a cursor: `parse` answers undefined for a position that is not of this list.
 */
export function decodePosition<T>(cursor: string | undefined, parse: (text: string) => T | undefined) {
  const text = decodeCursor(cursor);
  if (text === undefined) return undefined;
  const position = parse(text);
  if (position === undefined) throw cursorFromAnotherList();
  return position;
}

/** A `time|id` position (a list ordered by a time, then its ids), when `text` is one. */
export function timeAndId(text: string, kind: IdPrefix): { at: string; id: string } | undefined {
  const split = text.lastIndexOf('|');
  const at = text.slice(0, split);
  const id = text.slice(split + 1);
  if (split <= 0 || Number.isNaN(Date.parse(at)) || !id.startsWith(`${kind}_`)) return undefined;
  if (!isIdOf(kind, id)) throw notACursor();
  return { at, id };
}

/** Given `limit + 1` rows, the page and the cursor for the next one. */
export function pageOf<T extends { id: string }, V>(rows: T[], limit: number, view: (row: T) => V) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(view), nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}
