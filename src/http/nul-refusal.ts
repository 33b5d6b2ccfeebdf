import type { FastifyInstance } from 'fastify';
import { validation } from '../lib/errors.js';

/**
 * The NUL character (U+0000) is refused in every string a request carries: PostgreSQL cannot
 * store it in a text column (the statement fails), SQLite's text functions stop at it, and no
 * phone number, message, name or search means it. Refused with the field that holds it, the same
 * on both databases, before anything is stored.
 */
const NUL = '\u0000';

function refusal(field: string) {
  return validation(`${field} must not contain the NUL character (U+0000)`, [
    { field, message: 'must not contain the NUL character (U+0000)' },
  ]);
}

/**
 * Where in a parsed JSON value the first string or key that `holds` says yes to is (`text.body`,
 * `metadata.k`, `phones.2`), or null; without recursion, as the value may nest deeply. A key is
 * named as `shownKey` writes it (what cannot be read in a message escaped).
 */
export function stringPath(
  value: unknown,
  holds: (text: string) => boolean,
  shownKey: (key: string) => string,
): string | null {
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (holds(item)) return path.join('.');
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item)) {
      if (holds(key)) return [...path, shownKey(key)].join('.');
      stack.push([child, [...path, key]]);
    }
  }
  return null;
}

/** Where in a parsed JSON value the first string or key holding NUL is, or null. */
export const nulPath = (value: unknown): string | null =>
  stringPath(
    value,
    (text) => text.includes(NUL),
    (key) => key.replaceAll(NUL, '\\u0000'),
  );

/** A JSON body's refusal when it holds NUL, or null: it can only be there written `\u0000`. */
export function bodyNulRefusal(text: string, body: unknown) {
  if (!text.includes('\\u0000')) return null;
  const path = nulPath(body);
  return path === null ? null : refusal(path ? `body.${path}` : 'body');
}

/** Refuses a query string or path parameter holding NUL (`?q=%00`), before the route runs. */
export function registerNulRefusal(app: FastifyInstance): void {
  // A callback hook, not an async one: every request passes it, and nearly all at the first test.
  app.addHook('onRequest', (request, _reply, done) => {
    // The URL can only carry it percent-encoded.
    if (!request.url.includes('%00')) return done();
    for (const [context, values] of [
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      if (!values || typeof values !== 'object') continue;
      const path = nulPath(values);
      if (path !== null) return done(refusal(`${context}.${path}`));
    }
    done();
  });
}
