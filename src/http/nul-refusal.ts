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
 * Where in a parsed JSON value the first string or key holding NUL is (`text.body`,
 * `metadata.k`, `phones.2`), or null; without recursion, as the value may nest deeply.
 */
export function nulPath(value: unknown): string | null {
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes(NUL)) return path.join('.');
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item)) {
      if (key.includes(NUL)) return [...path, key.replaceAll(NUL, '\\u0000')].join('.');
      stack.push([child, [...path, key]]);
    }
  }
  return null;
}

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
