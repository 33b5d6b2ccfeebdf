import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'waping.js');
const HOOK = join(import.meta.dirname, 'loaded-modules.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'waping-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the waping command runs the compiled server', () => {
  it('loads JavaScript from dist/server only: no TypeScript source and no tsx at run time', async () => {
    const list = join(scratch, 'loaded.txt');
    const { stdout } = await run(process.execPath, ['--import', HOOK, BIN, 'help'], {
      cwd: ROOT,
      env: { ...process.env, WAPING_TEST_LOADED_LIST: list },
    });
    expect(stdout).toContain('waping serve');
    const loaded = readFileSync(list, 'utf8').split('\n').filter(Boolean);
    const ours = loaded.filter((url) => url.startsWith('file:') && !url.includes('/node_modules/'));
    expect(ours.some((url) => url.endsWith('/dist/server/main.js'))).toBe(true);
    expect(loaded.filter((url) => /\.[cm]?ts$/.test(url))).toEqual([]);
    expect(loaded.filter((url) => url.includes('/node_modules/tsx/'))).toEqual([]);
    expect(ours.every((url) => /\/(bin|scripts|dist\/server|test\/build)\//.test(url))).toBe(true);
  });

  it('the build is up to date after a run (the next start does not build again)', async () => {
    await run(process.execPath, [BIN, 'help'], { cwd: ROOT });
    const stamp = readFileSync(join(ROOT, 'dist', 'server', '.built'), 'utf8');
    await run(process.execPath, [BIN, 'help'], { cwd: ROOT });
    expect(readFileSync(join(ROOT, 'dist', 'server', '.built'), 'utf8')).toBe(stamp);
  });
});
