import type { FastifyInstance } from 'fastify';
import { validation } from '../lib/errors.js';

type Schema = { type?: unknown; properties?: Record<string, Schema> };

/** Plain decimal notation only: what a person means by a number in a URL. */
const DECIMAL = { integer: /^-?(0|[1-9][0-9]{0,14})$/, number: /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,15})?$/ };

/**
 * Ajv's type coercion reads query strings with JavaScript's `+x`: "Infinity", "0x10", "1e1" and
 * " 5" all become numbers (Infinity even passes `maximum`, and reached the database as a 500).
 * So a numeric query parameter is checked as text first, against the route's own schema.
 */
export function registerStrictQueryNumbers(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema?.querystring as Schema | undefined;
    const properties = schema?.properties;
    if (!properties || !request.query || typeof request.query !== 'object') return;
    for (const [name, raw] of Object.entries(request.query as Record<string, unknown>)) {
      const type = properties[name]?.type;
      if (type !== 'integer' && type !== 'number') continue;
      const values = Array.isArray(raw) ? raw : [raw];
      if (values.some((v) => typeof v !== 'string' || !DECIMAL[type].test(v))) {
        throw validation(`querystring.${name} must be a number written in decimal digits`, [
          { field: `querystring.${name}`, message: `must be a decimal ${type}` },
        ]);
      }
    }
  });
}
