import type { Config } from '../config.js';
import type { DbOrTx } from '../db/database.js';
import { ensureApiKey } from './api-keys.js';
import { insertWorkspace, listWorkspaces } from './store.js';
import type { WorkspaceRow } from './tables.js';

export const DEFAULT_WORKSPACE_NAME = 'default';

/** First start: a default workspace on the selfhosted plan; WAPING_API_KEY ensured for it. */
export async function bootstrapWorkspaces(db: DbOrTx, config: Config, now: Date): Promise<WorkspaceRow> {
  const [first] = await listWorkspaces(db);
  const workspace =
    first ?? (await insertWorkspace(db, { name: DEFAULT_WORKSPACE_NAME, plan: 'selfhosted', now }));
  if (config.apiKey) await ensureApiKey(db, workspace.id, config.apiKey, now);
  return workspace;
}
