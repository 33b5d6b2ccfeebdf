import type { FastifyInstance } from 'fastify';
import { AppError, validation } from '../lib/errors.js';
import { invalidJsonError } from './json-syntax.js';
import { bodyNulRefusal } from './nul-refusal.js';
import { bodySurrogateRefusal, bodyUtf8Refusal } from './unicode-refusal.js';

/**
 * Deepest nesting a JSON body may have. Real bodies nest a few levels; thousands of levels make
 * JSON.stringify and other recursive code throw RangeError (a 500) further in.
 */
export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, without recursion (the point is to survive deep input). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (level > MAX_JSON_DEPTH) return level;
    for (const child of Object.values(item)) stack.push([child, level]);
  }
  return deepest;
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused), but only in UTF-8 (RFC 8259
 * §8.1: a body declared in another charset would be misread, so it is refused, not guessed) and
 * nested at most MAX_JSON_DEPTH levels, with no NUL character in it (nul-refusal.ts), and valid
 * Unicode: UTF-8 bytes, no lone surrogate escape (unicode-refusal.ts). An empty
 * body is no body, whatever its content type says: many HTTP clients send `Content-Type:
 * application/json` on every request, a DELETE or a cancel included, and an operation that takes
 * no body must not refuse them; one that needs a body refuses its absence through its schema.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  // Read as bytes: decoded as text by Fastify, bytes that are not UTF-8 would already be U+FFFD.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      done(
        new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          `Send the body as application/json in UTF-8, not charset=${charset.slice(0, 40)}`,
        ),
        undefined,
      );
      return;
    }
    const bytes = body as Buffer;
    if (bytes.length === 0) {
      done(null, undefined);
      return;
    }
    const notUtf8 = bodyUtf8Refusal(bytes);
    if (notUtf8) {
      done(notUtf8, undefined);
      return;
    }
    const text = bytes.toString('utf8');
    parse(request, text, (err, value) => {
      if (err) {
        const syntax = (err as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY';
        return done(syntax ? invalidJsonError(text) : err, undefined);
      }
      if (jsonDepth(value) > MAX_JSON_DEPTH) {
        return done(
          validation(`The body nests deeper than ${MAX_JSON_DEPTH} levels`, [
            { field: 'body', message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
          ]),
          undefined,
        );
      }
      const refused = bodyNulRefusal(text, value) ?? bodySurrogateRefusal(text, value);
      if (refused) return done(refused, undefined);
      done(null, value);
    });
  });
}
