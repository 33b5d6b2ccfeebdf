import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import pino from 'pino';
import prettier from 'prettier';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

/** The generated types of the API: one file the dashboard uses and the SDK will use too. */
export const API_TYPES_FILE = fileURLToPath(new URL('../packages/api-types/openapi.ts', import.meta.url));

const HEADER = `/**
 * The WAPing API's types, generated from /openapi.json by openapi-typescript: do not edit.
 * Regenerate with \`npm run api-types\`; test/http/api-types.test.ts fails when this file drifts.
 */
`;

/** The OpenAPI document of a default app (sandbox on), as GET /openapi.json serves it. */
export async function liveOpenApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'waping-api-types-'));
  const app = await buildApp(
    loadConfig({
      WAPING_DATA_DIR: dataDir,
      WAPING_MASTER_KEY: 'api-types-master-key-0123456789abcdef',
      LOG_LEVEL: 'silent',
    }),
    { logger: pino({ level: 'silent' }) },
  );
  try {
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    return response.json<OpenAPI3>();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The file's text for an OpenAPI document, formatted as the repository's other files are. */
export async function renderApiTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document, { exportType: false });
  const options = (await prettier.resolveConfig(API_TYPES_FILE)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...options, parser: 'typescript' });
}
