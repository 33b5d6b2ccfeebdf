import { parseArgs } from 'node:util';
import { keysHelp } from './help.js';
import { createApiKey, listApiKeys, revokeApiKey, toApiKeyView } from '../workspaces/api-keys.js';
import { SCOPES, type Scope } from '../workspaces/scopes.js';
import { resolveWorkspace, table, UsageError, withDatabase } from './context.js';
import { positionalsOf } from './positionals.js';

function parseScopes(raw: string | undefined): Scope[] | undefined {
  if (!raw) return undefined;
  const scopes = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length > 0)
    throw new UsageError(`unknown scope ${bad.join(', ')}; scopes are ${SCOPES.join(', ')}`);
  return scopes as Scope[];
}

export async function keysCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !sub || sub === '--help' || sub === '-h') return console.log(keysHelp);
  if (sub === 'create') {
    positionalsOf('keys create', positionals);
    const scopes = parseScopes(values.scopes);
    return withDatabase(async (handle) => {
      const ws = await resolveWorkspace(handle, values.workspace);
      const { key } = await createApiKey(handle.db, {
        workspaceId: ws.id,
        name: values.name ?? 'cli',
        scopes,
        now: new Date(),
      });
      console.log(key);
    });
  }
  if (sub === 'list') {
    positionalsOf('keys list', positionals);
    return withDatabase(async (handle) => {
      const ws = await resolveWorkspace(handle, values.workspace);
      const rows = (await listApiKeys(handle.db, ws.id, { limit: 1000 })).map(toApiKeyView);
      console.log(
        table(
          rows.map((k) => ({
            id: k.id,
            name: k.name,
            key: `wap_…${k.hint}`,
            scopes: k.scopes.join(','),
            lastUsed: k.lastUsedAt ?? '',
            revoked: k.revokedAt ?? '',
          })),
        ),
      );
    });
  }
  if (sub === 'revoke') {
    const [id] = positionalsOf('keys revoke', positionals, ['the key id']);
    if (!id) throw new UsageError('keys revoke needs the key id');
    return withDatabase(async ({ db }) => {
      const row = await db
        .selectFrom('api_keys')
        .select('workspace_id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new UsageError(`no API key ${id}`);
      await revokeApiKey(db, row.workspace_id, id, new Date());
      console.log(`revoked ${id}`);
    });
  }
  throw new UsageError(`unknown command "keys ${sub}"\n${keysHelp}`);
}
