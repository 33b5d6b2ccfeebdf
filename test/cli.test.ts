import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { sha256Hex } from '../src/lib/crypto.js';
import { verifyPassword } from '../src/lib/passwords.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { makeDevice } from './helpers/factories.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'waping.js');
let db: TestDatabase;

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LOG_LEVEL: 'silent',
    WAPING_DATA_DIR: db.dataDir,
    WAPING_MASTER_KEY: 'cli-test-master-key-0123456789abcdef0123',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : { DATABASE_URL: '' }),
  };
}

async function waping(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: env() });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('waping CLI', () => {
  it('migrates and creates the default workspace', async () => {
    const res = await waping('migrate');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/up to date|nothing to apply/);
    const list = await waping('workspaces', 'list');
    expect(list.stdout).toContain('default');
    expect(list.stdout).toContain('selfhosted');
  });

  it('creates workspaces and keys; the key is printed alone and stored hashed', async () => {
    const ws = await waping('workspaces', 'create', '--name', 'acme', '--plan', 'growth');
    expect(ws.code).toBe(0);
    expect(ws.stdout.trim()).toMatch(/^ws_[0-9a-z]{26}$/);
    const key = await waping(
      'keys',
      'create',
      '--workspace',
      'acme',
      '--name',
      'ci',
      '--scopes',
      'messages,verify',
    );
    expect(key.code).toBe(0);
    const value = key.stdout.trim();
    expect(value).toMatch(/^wap_\S+$/);
    expect(key.stdout).toBe(`${value}\n`);
    const handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    const row = await handle.db
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', sha256Hex(value))
      .executeTakeFirst();
    await handle.destroy();
    expect(row).toMatchObject({
      name: 'ci',
      scopes: JSON.stringify(['messages', 'verify']),
      workspace_id: ws.stdout.trim(),
    });
    const list = await waping('keys', 'list', '--workspace', 'acme');
    expect(list.stdout).toContain('ci');
    expect(list.stdout).not.toContain(value);
    const revoke = await waping('keys', 'revoke', row!.id);
    expect(revoke.stdout).toContain('revoked');
  });

  it('creates dashboard users', async () => {
    const res = await waping(
      'users',
      'create',
      '--email',
      'Owner@Example.com',
      '--password',
      'long enough password',
    );
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toMatch(/^usr_/);
    const again = await waping(
      'users',
      'create',
      '--email',
      'owner@example.com',
      '--password',
      'long enough password',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('resets a forgotten password and signs the user out', async () => {
    const handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    const before = await handle.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', 'owner@example.com')
      .executeTakeFirstOrThrow();
    const reset = await waping(
      'users',
      'reset-password',
      '--email',
      'OWNER@example.com',
      '--password',
      'a brand new password',
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('password reset for owner@example.com');
    const after = await handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(after.password_hash).not.toBe(before.password_hash);
    expect(await verifyPassword('a brand new password', after.password_hash)).toBe(true);
    // Recorded like a reset from the Team page, by System, in the workspace the user belongs to.
    const audited = () =>
      handle.db
        .selectFrom('audit_events')
        .innerJoin('workspaces', 'workspaces.id', 'audit_events.workspace_id')
        .select(['workspaces.name', 'actor_type', 'actor_name', 'target_type', 'target_id', 'changes'])
        .where('action', '=', 'member.password_reset')
        .execute();
    expect(await audited()).toEqual([
      {
        name: 'default',
        actor_type: 'system',
        actor_name: 'System',
        target_type: 'member',
        target_id: before.id,
        changes: JSON.stringify({ email: 'owner@example.com' }),
      },
    ]);
    const unknown = await waping(
      'users',
      'reset-password',
      '--email',
      'nobody@example.com',
      '--password',
      'x'.repeat(12),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no user with the email');
    const short = await waping(
      'users',
      'reset-password',
      '--email',
      'owner@example.com',
      '--password',
      'short',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least');
    // A refused reset changed nothing, so it records nothing.
    expect(await audited()).toHaveLength(1);
    await handle.destroy();
  });

  it("clears a member's two-factor sign-in", async () => {
    const handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    await handle.db
      .updateTable('users')
      .set({ totp_secret: 'v1.sealed', totp_enabled_at: new Date().toISOString() })
      .where('email', '=', 'owner@example.com')
      .execute();
    const res = await waping('users', 'reset-2fa', '--email', 'owner@example.com');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('two-factor sign-in is off for owner@example.com');
    const row = await handle.db
      .selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('email', '=', 'owner@example.com')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });
    const audited = () =>
      handle.db
        .selectFrom('audit_events')
        .select(['actor_name', 'target_type', 'changes'])
        .where('action', '=', 'two_factor.disabled')
        .execute();
    expect(await audited()).toEqual([
      { actor_name: 'System', target_type: 'user', changes: JSON.stringify({ email: 'owner@example.com' }) },
    ]);
    // Clearing it again turns nothing off, so it records nothing.
    expect((await waping('users', 'reset-2fa', '--email', 'owner@example.com')).code).toBe(0);
    expect(await audited()).toHaveLength(1);
    await handle.destroy();
    expect((await waping('users', 'reset-2fa', '--email', 'nobody@example.com')).code).toBe(2);
  });

  it('links a device in the terminal and lists devices', async () => {
    const handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    const ws = await handle.db
      .selectFrom('workspaces')
      .select('id')
      .where('name', '=', 'default')
      .executeTakeFirstOrThrow();
    await makeDevice(handle.db, {
      id: 'dev_01m8cli00000000000000000000',
      workspace_id: ws.id,
      name: 'CLI line',
      pacing: '{}',
    });
    await handle.destroy();
    const link = await waping(
      'devices',
      'link',
      'dev_01m8cli00000000000000000000',
      '--phone',
      '+15550001234',
    );
    expect(link.code).toBe(0);
    expect(link.stdout).toContain('Linked devices');
    expect(link.stdout).toContain('▄');
    expect(link.stdout).toContain('linked: +15550001234');
    const list = await waping('devices', 'list');
    // Linked, and honest that nothing runs it once the command ended: the server takes it from here.
    expect(list.stdout).toMatch(/CLI line\s+sandbox\s+disconnected\s+\+15550001234/);
    expect((await waping('devices', 'link', 'dev_01m8nothere000000000000000')).stderr).toContain('no device');
  });

  it('explains bad usage with exit code 2', async () => {
    expect((await waping('keys', 'create', '--scopes', 'root')).stderr).toContain('unknown scope root');
    expect((await waping('workspaces', 'create')).code).toBe(2);
    expect((await waping('frobnicate')).code).toBe(2);
    expect((await waping('frobnicate')).stderr).toMatch(/^waping: unknown command "frobnicate"\n/);
    for (const [typed, meant] of [
      ['key', 'keys'],
      ['workspace', 'workspaces'],
      ['Devices', 'devices'],
      ['mig', 'migrate'],
    ]) {
      const res = await waping(typed!, 'list');
      expect(res.code, typed).toBe(2);
      expect(res.stderr.split('\n')[0]).toBe(`waping: unknown command "${typed}"; did you mean "${meant}"?`);
    }
    expect(
      (await waping('users', 'create', '--email', 'x@y.z', '--password', 'pw', '--role', 'king')).stderr,
    ).toContain('unknown role');
  });

  it('says what is wrong with an option in one line, with exit code 2', async () => {
    for (const [args, said] of [
      [['keys', 'create', '--nme', 'backend'], 'waping: unknown option --nme; see waping keys --help'],
      [['keys', 'list', '--workspace'], 'waping: --workspace needs a value; see waping keys --help'],
      [['users', 'create', '--email'], 'waping: --email needs a value; see waping users --help'],
    ] as const) {
      const res = await waping(...args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toBe(`${said}\n`);
    }
  });

  it('refuses a word a sub-command does not take, which was dropped while the command went on', async () => {
    for (const [args, said] of [
      [
        ['keys', 'create', 'backend'],
        'waping: unexpected argument backend: keys create takes options only; see waping keys --help',
      ],
      [
        ['workspaces', 'list', 'all'],
        'waping: unexpected argument all: workspaces list takes options only; see waping workspaces --help',
      ],
      [
        ['workspaces', 'set-plan', 'Default', 'selfhosted', 'now'],
        'waping: unexpected argument now: workspaces set-plan takes the workspace and the plan, then options; see waping workspaces --help',
      ],
      [
        ['keys', 'revoke', 'key_a', 'key_b'],
        'waping: unexpected argument key_b: keys revoke takes the key id, then options; see waping keys --help',
      ],
      [
        ['devices', 'link', 'dev_a', '+15550100'],
        'waping: unexpected argument +15550100: devices link takes the device id, then options; see waping devices --help',
      ],
    ] as const) {
      const res = await waping(...args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toBe(`${said}\n`);
      expect(res.stdout).toBe('');
    }
  });

  it('refuses arguments to serve and migrate, which take their settings from the environment', async () => {
    const serve = await waping('serve', '--port', '8080');
    expect(serve.code).toBe(2);
    expect(serve.stderr).toBe(
      'waping: serve takes no arguments (got --port 8080): settings come from the environment, as in PORT=8080 waping serve; see docs/configuration.md\n',
    );
    const migrate = await waping('migrate', '--dry-run');
    expect(migrate.code).toBe(2);
    expect(migrate.stderr).toContain('waping: migrate takes no arguments (got --dry-run)');
  });

  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['keys', '--help'],
      ['workspaces', '--help'],
      ['users', '--help'],
      ['migrate', '--help'],
    ]) {
      const res = await waping(...args);
      expect(res.code, args.join(' ')).toBe(0);
      expect(res.stdout).toContain('waping');
    }
  });

  it('refuses a bad configuration with one line naming the variable', async () => {
    const res = await run(process.execPath, [BIN, 'migrate'], { env: { ...env(), PORT: 'nope' } }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect((res as { code: number }).code).toBe(2);
    expect((res as { stderr: string }).stderr.trim()).toMatch(/^waping: PORT has an invalid value/);
  });
});
