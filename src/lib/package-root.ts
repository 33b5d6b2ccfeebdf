import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root: the first folder above this module with a package.json. The same answer
 * whether the code runs from src/ (tests, `npm run dev`) or bundled into dist/server/ (`npm start`),
 * so files shipped beside the code (the dashboard build, the password list) are found from either.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
