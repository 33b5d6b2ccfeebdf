import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { cpuSecondsOfProcessesNamed } from '../../bench/lib/proc.js';

// The bench charges each run the CPU its PostgreSQL processes used, read from /proc before and
// after. A backend that exited in between (a pool closing, the previous server stopping) took its
// time out of the second reading, and runs were reported at less than nothing: -1.2 and -2.9 ms
// of PostgreSQL CPU per request. Here a parent and its child carry one made-up name, the child
// burns CPU and exits, and the total for the name must not fall once the parent has reaped it.
const CHILD = `
process.title = process.argv[1];
const start = process.cpuUsage();
let spent = 0;
while (spent < 300_000) {
  for (let i = 0; i < 1e5; i++) Math.sqrt(i);
  const used = process.cpuUsage(start);
  spent = used.user + used.system;
}
process.stdout.write('burnt\\n');
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;
const PARENT = `
const { spawn } = require('node:child_process');
process.title = process.argv[1];
const child = spawn(process.execPath, ['-e', process.argv[2], process.argv[1]], { stdio: ['pipe', 'pipe', 'inherit'] });
child.stdout.pipe(process.stdout, { end: false });
child.on('exit', () => process.stdout.write('reaped\\n'));
process.stdin.once('data', () => child.stdin.end());
`;

describe('CPU of the processes of one name', () => {
  it('keeps the time of a process that exited, once its parent has reaped it', async () => {
    const name = `wcpu${randomBytes(4).toString('hex')}`;
    const parent = spawn(process.execPath, ['-e', PARENT, name, CHILD], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: parent.stdout })[Symbol.asyncIterator]();
      expect((await lines.next()).value).toBe('burnt');
      const whileRunning = cpuSecondsOfProcessesNamed(name);
      expect(whileRunning).toBeGreaterThanOrEqual(0.3);
      parent.stdin.write('exit\n');
      expect((await lines.next()).value).toBe('reaped');
      expect(cpuSecondsOfProcessesNamed(name)).toBeGreaterThanOrEqual(whileRunning);
    } finally {
      parent.kill();
    }
  });
});
