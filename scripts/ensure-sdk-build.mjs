#!/usr/bin/env node
// Builds packages/sdk/dist when it is missing or older than its sources, so a fresh checkout
// (`npm ci` runs this as `prepare`), the tests and the example all use an up-to-date SDK without a
// separate step. Without TypeScript (production install without dev dependencies) it only warns.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sdk = join(root, 'packages', 'sdk');
const built = join(sdk, 'dist', 'index.js');
const inputs = [join(sdk, 'src'), join(sdk, 'tsconfig.build.json'), join(root, 'packages', 'api-types')];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

export function sdkBuildIsStale() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return inputs.some((input) => existsSync(input) && newestMtime(input) > builtAt);
}

export function ensureSdkBuild() {
  if (!sdkBuildIsStale()) return true;
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    console.warn('packages/sdk is not built and TypeScript is not installed: run `npm install` first.');
    return false;
  }
  const result = spawnSync(process.execPath, [tsc, '-p', join(sdk, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building packages/sdk failed');
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureSdkBuild();
