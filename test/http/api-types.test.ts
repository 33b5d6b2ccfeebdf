import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, liveOpenApiDocument, renderApiTypes } from '../../scripts/api-types.js';

describe('the generated API types', () => {
  it('match what the live app documents at /openapi.json (run `npm run api-types` after a route change)', async () => {
    const fresh = await renderApiTypes(await liveOpenApiDocument());
    expect(fresh).toContain("'/v1/contacts/check'");
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(fresh);
  });
});
