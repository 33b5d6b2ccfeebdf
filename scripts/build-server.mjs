#!/usr/bin/env node
// The server's build step: compiles src/ (TypeScript) to plain JavaScript in dist/server, bundled
// into a few files (loading hundreds of small modules was most of start-up) with each lazy
// `import()` kept as a chunk of its own. `waping` (bin/waping.js) runs that output and
// calls ensureServerBuild() first, so `npm start`, `npx waping …` and a fresh checkout never run
// stale code and never compile TypeScript while serving. esbuild only strips types and bundles (about a
// second); `npm run typecheck` is where types are checked.
//
// Several processes may start at once (tests, a cluster on one machine): a build is written to a
// directory of its own and moved into place, under a lock directory, so no process ever imports a
// half-written tree.
import console from 'node:console';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'src');
export const serverDir = join(root, 'dist', 'server');
const stamp = join(serverDir, '.built');
const lock = join(root, 'dist', '.server-build.lock');

function tsFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tsFiles(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function newestMtime(files) {
  let newest = 0;
  for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/** True when there are sources and the build is missing or older than one of them (or this script). */
export function serverBuildIsStale() {
  if (!existsSync(sources)) return false;
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return newestMtime([...tsFiles(sources), fileURLToPath(import.meta.url)]) > built;
}

// Packages bundled into the output: pure ESM trees of hundreds of small files each (typebox alone
// is ~700), whose loading dominated start-up. Everything else stays in node_modules, imported as
// usual: native modules, packages that read files next to themselves, and Baileys, whose exports
// the protocol test server's preload changes and must be the very module the server uses.
const BUNDLED = ['typebox', 'kysely', 'libphonenumber-js'];

const externalUnlessBundled = {
  name: 'external-unless-bundled',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0];
      return BUNDLED.includes(name) ? undefined : { path: args.path, external: true };
    });
  },
};

async function compile(outdir) {
  // esbuild comes with tsx and is declared as a dependency of ours too.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(sources, 'main.ts')],
    outdir,
    bundle: true,
    // Each lazy import() (CLI commands, the Baileys engine) stays a chunk loaded when used.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalUnlessBundled],
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, '.built'), `${new Date().toISOString()}\n`);
}

async function withLock(work) {
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock older than a minute belongs to a build that died: take it over.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 60_000)
        rmSync(lock, { recursive: true, force: true });
      if (waited > 120_000)
        throw new Error(`waping: another build holds ${lock} for two minutes`, { cause: err });
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds dist/server when it is stale; a no-op (a few stat calls) when it is fresh. */
export async function ensureServerBuild() {
  if (!serverBuildIsStale()) return;
  await withLock(async () => {
    if (!serverBuildIsStale()) return; // someone else built it while we waited
    const fresh = `${serverDir}.${process.pid}.new`;
    const old = `${serverDir}.${process.pid}.old`;
    rmSync(fresh, { recursive: true, force: true });
    await compile(fresh);
    if (existsSync(serverDir)) renameSync(serverDir, old);
    renameSync(fresh, serverDir);
    rmSync(old, { recursive: true, force: true });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const force = process.argv.includes('--force');
  if (force) rmSync(stamp, { force: true });
  await ensureServerBuild();
  console.log(`waping: server built into ${serverDir}`);
}
