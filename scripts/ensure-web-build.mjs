#!/usr/bin/env node
// Before `npm start`: builds the dashboard when dist/web is missing or older than web/, so a fresh
// checkout serves it without a separate step. Without vite (production install without dev
// dependencies) it only warns: the server still runs and `/` says how to build.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'web');
const built = join(root, 'dist', 'web', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function webBuildIsStale() {
  if (!existsSync(sources)) return false;
  if (!existsSync(built)) return true;
  return newestMtime(sources) > statSync(built).mtimeMs;
}

export function buildWeb() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.warn(
      'waping: vite is not installed, so the dashboard cannot be built (npm install, then npm run build:web)',
    );
    return false;
  }
  console.log('waping: building the dashboard into dist/web …');
  const result = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.warn('waping: the dashboard build failed; the API still starts (see the errors above)');
    return false;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Never keep the server from starting: a failed build only means no dashboard.
  try {
    if (webBuildIsStale()) buildWeb();
  } catch (err) {
    console.warn(`waping: could not check the dashboard build (${err instanceof Error ? err.message : err})`);
  }
}
