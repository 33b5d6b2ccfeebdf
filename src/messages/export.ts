import type { DbOrTx } from '../db/database.js';
import { csvLine } from './csv.js';
import { listMessages, type MessageFilter } from './store.js';
import { toMessageView, type MessageView } from './views.js';

/** Rows read per query: the export holds one page in memory, however long the log. */
export const EXPORT_PAGE_SIZE = 500;

const COLUMNS: Array<[string, (m: MessageView) => string | number | null | undefined]> = [
  ['id', (m) => m.id],
  ['createdAt', (m) => m.createdAt],
  ['direction', (m) => m.direction],
  ['to', (m) => m.to],
  ['from', (m) => m.from],
  ['status', (m) => m.status],
  ['errorCode', (m) => m.error?.code],
  ['errorMessage', (m) => m.error?.message],
  ['deviceId', (m) => m.deviceId],
  ['source', (m) => m.source],
  ['type', (m) => m.type],
  ['body', (m) => m.body],
  ['mediaFilename', (m) => m.media?.filename],
  ['templateId', (m) => m.templateId],
  ['priority', (m) => m.priority],
  ['metadata', (m) => (m.metadata ? JSON.stringify(m.metadata) : null)],
  ['updatedAt', (m) => m.updatedAt],
];

export const EXPORT_COLUMNS = COLUMNS.map(([name]) => name);

/**
 * The messages a filter selects as CSV lines, newest first, read in keyset pages so a log of any
 * size streams in constant memory. Bodies are as the log shows them: one-time codes masked.
 */
export async function* messagesCsv(
  db: DbOrTx,
  workspaceId: string,
  filter: MessageFilter,
): AsyncGenerator<string> {
  yield csvLine(EXPORT_COLUMNS);
  let before = filter.before;
  for (;;) {
    const rows = await listMessages(db, workspaceId, { ...filter, before }, EXPORT_PAGE_SIZE);
    if (rows.length > 0)
      yield rows.map((row) => csvLine(COLUMNS.map(([, cell]) => cell(toMessageView(row))))).join('');
    if (rows.length < EXPORT_PAGE_SIZE) return;
    before = rows[rows.length - 1]!.id;
  }
}

/** `messages-20261128-151000.csv`: when it was made, so two exports do not overwrite each other. */
export function exportFilename(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/-|:/g, '').replace('T', '-');
  return `messages-${stamp}.csv`;
}
