#!/usr/bin/env node
// The `waping` command: runs the compiled server in dist/server, building it first when src/ is
// newer (see scripts/build-server.mjs), so no TypeScript is compiled while the server runs.
import { ensureServerBuild } from '../scripts/build-server.mjs';

await ensureServerBuild();
await import('../dist/server/main.js');
