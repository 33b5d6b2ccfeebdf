/**
 * Signal private keys must never reach a log. libsignal prints whole session entries (ratchet
 * private keys, root and chain keys) with console.info/warn when it closes or prunes sessions,
 * which Baileys triggers routinely. This drives those paths with real libsignal sessions in a
 * child process and reads what actually reached its stdout and stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, 'baileys', 'signal-sessions.script.ts');

async function runSessions(): Promise<{ output: string; secrets: string[]; facts: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'waping-signal-'));
  const file = join(dir, 'secrets.json');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0) throw new Error(`the session script failed (${code}): ${output}`);
    const { secrets, facts } = JSON.parse(readFileSync(file, 'utf8')) as {
      secrets: string[];
      facts: Record<string, number>;
    };
    return { output, secrets, facts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ways a key can show up in a console line: util.inspect's `<Buffer 0a 1b …>`, hex, base64. */
function renderings(hex: string): string[] {
  const bytes = Buffer.from(hex, 'hex');
  const spaced = hex.slice(0, 24).match(/../g)!.join(' ');
  return [spaced, hex.slice(0, 24), bytes.toString('base64').slice(0, 16)];
}

describe('Signal key material and the process output', () => {
  it('no private, root or chain key reaches stdout or stderr while sessions close and are pruned', async () => {
    const { output, secrets, facts } = await runSessions();
    // The paths that print session entries really ran.
    expect(facts.ourSessionsAfterPruning).toBe(40);
    expect(facts.ourClosedSessions).toBeGreaterThan(0);
    expect(facts.contactClosedSessions).toBeGreaterThan(0);
    expect(secrets.length).toBeGreaterThan(50);

    for (const name of ['privKey', 'rootKey', 'chainKey', 'ephemeralKeyPair', 'messageKeys'])
      expect(output).not.toContain(name);
    const leaked = secrets.filter((hex) => renderings(hex).some((form) => output.includes(form)));
    expect(leaked).toEqual([]);
    // Nothing else was silenced: the process's own log and console lines, and libsignal's warnings
    // that carry no key material, are all there.
    expect(output).toContain('signal sessions done');
    expect(output).toContain('own console warning');
    expect(output).toContain('Closing open session in favor of incoming prekey bundle');
  }, 60_000);
});
