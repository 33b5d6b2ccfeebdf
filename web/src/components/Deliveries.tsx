import { api } from '../api';
import { formatDateTime } from '../format';
import { useResource } from '../hooks/useResource';
import { Empty, ErrorNote, Loading } from './Notice';
import { StatusBadge } from './StatusBadge';

/** The latest deliveries to one endpoint, with what the receiver answered. */
export function Deliveries({ webhookId, version }: { webhookId: string; version: number }) {
  const list = useResource(
    () => api.get('/v1/webhooks/{id}/deliveries', { path: { id: webhookId }, query: { limit: 10 } }),
    `${webhookId}:${version}`,
  );
  if (list.error) return <ErrorNote message={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.data.length === 0) return <Empty title="Nothing delivered yet" />;
  return (
    <div className="table-wrap">
      <table className="list">
        <caption className="visually-hidden">Latest deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
          </tr>
        </thead>
        <tbody>
          {list.data.data.map((d) => (
            <tr key={d.id}>
              <td>
                {d.eventType} <span className="muted small">{formatDateTime(d.createdAt)}</span>
              </td>
              <td>
                <StatusBadge status={d.status} />
              </td>
              <td>{d.attemptCount}</td>
              <td>{d.lastStatusCode ?? d.lastError ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
