import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, liveOpenApiDocument, renderApiTypes } from './api-types.js';

// npm run api-types: rewrites packages/api-types/openapi.ts from the API as the code defines it now.
writeFileSync(API_TYPES_FILE, await renderApiTypes(await liveOpenApiDocument()));
console.log(`wrote ${API_TYPES_FILE}`);
