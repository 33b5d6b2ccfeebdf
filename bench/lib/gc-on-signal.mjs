// Preload for a measured process (`node --import`): SIGURG runs a full garbage collection, so a
// bench can read the memory that is really held, not what the collector has yet to reclaim.
// Nothing else changes: the process collects as it always does in between.
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
process.on('SIGURG', () => {
  gc();
  gc();
});
