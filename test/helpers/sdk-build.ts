import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Vitest global setup: tests use @waping/sdk as its users do, from packages/sdk/dist, built fresh. */
export default function buildSdk(): void {
  const script = join(import.meta.dirname, '..', '..', 'scripts', 'ensure-sdk-build.mjs');
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building packages/sdk failed');
}
