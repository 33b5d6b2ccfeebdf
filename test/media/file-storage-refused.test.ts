import { pbkdf2 } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileMediaStorage } from '../../src/media/file-storage.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

// An upload refused on its first chunk (a type that does not match its name, a cut-short image)
// fails the write while the temporary file may still be opening on the thread pool: removed
// before the open, it was created afterwards and stayed in `.partial/`.
describe('a file store whose upload is refused on its first chunk', () => {
  it('leaves no temporary file once put has rejected, however busy the thread pool', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waping-media-'));
    dirs.push(dir);
    const storage = new FileMediaStorage(dir);
    let left = 0;
    for (let i = 0; i < 100; i++) {
      // Other file and crypto work of the process holds the pool's threads.
      for (let n = 0; n < 6; n++) pbkdf2('x', 'y', 5_000, 32, 'sha256', () => undefined);
      const request = new PassThrough();
      const checks = new Transform({
        transform(_chunk, _encoding, done) {
          done(new Error('refused'));
        },
      });
      checks.on('error', () => undefined);
      const put = storage.put(`med_refused${i}`, request.pipe(checks));
      setImmediate(() => request.end(Buffer.alloc(1000, 1)));
      await expect(put).rejects.toThrow('refused');
      left += (await readdir(join(dir, '.partial'))).length;
    }
    expect(left).toBe(0);
    expect((await readdir(dir)).filter((name) => name !== '.partial')).toEqual([]);
  });
});
