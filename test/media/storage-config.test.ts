import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const configWith = (mediaUrl: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'waping-media-config-'));
  dataDirs.push(dataDir);
  return loadConfig({ LOG_LEVEL: 'silent', WAPING_DATA_DIR: dataDir, WAPING_MEDIA_URL: mediaUrl });
};

describe('a WAPING_MEDIA_URL that cannot work', () => {
  it.each([
    ['a secret with an unescaped slash', 's3://KEY:se/cret@bucket', /not a valid s3:\/\/ URL/],
    ['a space in the bucket', 's3://my bucket', /not a valid s3:\/\/ URL/],
    ['no bucket', 's3://', /needs a bucket/],
    [
      'an endpoint that is no URL',
      's3://K:S@bucket?endpoint=not%20a%20url',
      /endpoint must be an http\(s\) URL/,
    ],
  ])('stops the start with a ConfigError naming the variable: %s', async (_what, url, message) => {
    const started = buildApp(configWith(url));
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/^WAPING_MEDIA_URL/);
    await expect(started).rejects.toThrow(message);
  });
});
