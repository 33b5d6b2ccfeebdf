import { getAll, type Schema } from '../api';
import { useSession } from '../auth';
import { LoadMore } from '../components/LoadMore';
import { Empty, ErrorNote, Loading, RoleNote } from '../components/Notice';
import { formatDateTime } from '../format';
import { usePagedList } from '../hooks/usePagedList';
import { useTypedFilter, useUrlFilters } from '../hooks/useUrlFilters';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';

type AuditEvent = Schema<'AuditEvent'>;
type Action = AuditEvent['action'];

/** Every action, in words a person reads; the keys mirror the server's list (src/audit/actions.ts). */
const ACTIONS: Record<Action, string> = {
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'member.added': 'Member added',
  'member.role_changed': 'Member role changed',
  'member.removed': 'Member removed',
  'member.password_reset': 'Member password reset',
  'webhook.created': 'Webhook created',
  'webhook.updated': 'Webhook changed',
  'webhook.deleted': 'Webhook deleted',
  'webhook.secret_rotated': 'Webhook secret rotated',
  'device.created': 'Device added',
  'device.renamed': 'Device renamed',
  'device.updated': 'Device pacing changed',
  'device.deleted': 'Device deleted',
  'device.logged_out': 'Device logged out',
  'settings.updated': 'Settings changed',
  'two_factor.enabled': 'Two-factor turned on',
  'two_factor.disabled': 'Two-factor turned off',
};

const ACTOR_KIND: Record<AuditEvent['actor']['type'], string> = {
  user: 'member',
  api_key: 'API key',
  system: 'server',
};

/** A changed value as text: `from → to` where there was a value before. */
function describeValue(value: unknown): string {
  if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
    const { from, to } = value as { from: unknown; to: unknown };
    return `${describeValue(from)} → ${describeValue(to)}`;
  }
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.map(describeValue).join(', ') || 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Changes({ changes }: { changes: AuditEvent['changes'] }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain small">
      {entries.map(([field, value]) => (
        <li key={field}>
          <span className="muted">{field}:</span> {describeValue(value)}
        </li>
      ))}
    </ul>
  );
}

const FIELDS = ['action', 'actor', 'target', 'since', 'until'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

/** A date field (a local day) as the instant the API filters on: its start, or for `until` its end. */
function dayBound(day: string, end: boolean): string {
  if (!day) return '';
  const date = new Date(`${day}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return new Date(date.getTime() - (end ? 1 : 0)).toISOString();
}

/** Who may be picked as the actor: the team and the API keys, by name. */
function useActors() {
  const team = useResource(() => getAll('/v1/team', {}), 'audit-actors-team');
  const keys = useResource(() => getAll('/v1/api-keys', {}), 'audit-actors-keys');
  return [
    ...(team.data?.items ?? []).map((m) => ({ id: m.id, label: m.name ?? m.email })),
    ...(keys.data?.items ?? []).map((k) => ({ id: k.id, label: `API key: ${k.name} (…${k.hint})` })),
  ];
}

function AuditTable() {
  const filter = useUrlFilters(FIELDS);
  const filters: Filters = filter.values;
  const target = useTypedFilter(filters.target, (value) => filter.set('target', value));
  const actors = useActors();
  const log = usePagedList('/v1/audit-log', {
    action: filters.action,
    actor: filters.actor,
    target: filters.target,
    since: dayBound(filters.since, false),
    until: dayBound(filters.until, true),
  });
  const filtered = Object.values(filters).some((v) => v !== '');
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
        <label>
          Action
          <select name="action" value={filters.action} onChange={(e) => filter.set('action', e.target.value)}>
            <option value="">Any</option>
            {Object.entries(ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Who
          <select name="actor" value={filters.actor} onChange={(e) => filter.set('actor', e.target.value)}>
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Item id
          <input
            name="target"
            maxLength={64}
            placeholder="dev_… or whk_…"
            value={target.draft}
            onChange={(e) => target.setDraft(e.target.value)}
          />
        </label>
        <label>
          From
          <input
            name="since"
            type="date"
            value={filters.since}
            onChange={(e) => filter.set('since', e.target.value)}
          />
        </label>
        <label>
          To
          <input
            name="until"
            type="date"
            value={filters.until}
            onChange={(e) => filter.set('until', e.target.value)}
          />
        </label>
      </form>
      <ErrorNote message={log.error} />
      {!log.data ? (
        !log.error && <Loading />
      ) : log.items.length === 0 ? (
        <Empty title={filtered ? 'No change matches these filters' : 'No changes recorded yet'}>
          Keys, team members, webhooks, devices and settings that change are listed here.
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="list stack">
            <caption className="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Item</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((e) => (
                <tr key={e.id}>
                  <td className="cell-when">{formatDateTime(e.at)}</td>
                  <td>
                    {e.actor.name} <span className="muted small">({ACTOR_KIND[e.actor.type]})</span>
                  </td>
                  <td>{ACTIONS[e.action]}</td>
                  <td className="small">
                    <code>{e.target.id}</code>
                  </td>
                  <td>
                    <Changes changes={e.changes} />
                    {e.ip && <span className="muted small">from {e.ip}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={log.hasMore} more={log.more} onMore={log.loadMore} label="Load older changes" />
    </>
  );
}

export function AuditLog() {
  const { role } = useSession();
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Who changed what: API keys, team members, webhooks, devices and settings. Also in the API as{' '}
        <code>GET /v1/audit-log</code>.
      </p>
      {can(role, 'admin') ? (
        <AuditTable />
      ) : (
        <RoleNote>Only owners and admins can read the audit log.</RoleNote>
      )}
    </>
  );
}
