import type { DbOrTx } from '../db/database.js';
import { parseSettings } from './settings.js';
import { listWorkspaces } from './store.js';
import { DEFAULT_RETENTION_DAYS } from './views.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * For each workspace, the instant before which its `retentionDays` says texts go: what every
 * feature's retention run (messages, files and events; the inbox's notes) erases up to.
 */
export async function retentionCutoffs(
  db: DbOrTx,
  now: Date,
): Promise<Array<{ workspaceId: string; cutoff: string }>> {
  return (await listWorkspaces(db)).map((workspace) => {
    const days = parseSettings(workspace.settings).retentionDays ?? DEFAULT_RETENTION_DAYS;
    return { workspaceId: workspace.id, cutoff: new Date(now.getTime() - days * DAY_MS).toISOString() };
  });
}
