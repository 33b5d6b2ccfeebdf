import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, type WebhookDelivery } from '../api';
import { formatDateTime, formatTime } from '../format';
import { useResource } from '../hooks/useResource';
import { Empty, ErrorNote, Loading } from './Notice';
import { StatusBadge } from './StatusBadge';
import { DeliveryDetail } from './webhooks/DeliveryDetail';

/**
 * A delivery still being retried after a refused attempt is failing, not "pending": say so, with
 * when the next try is due.
 */
function DeliveryState({ d }: { d: WebhookDelivery }) {
  const retrying = d.status === 'pending' && d.attemptCount > 0;
  if (!retrying) return <StatusBadge status={d.status} />;
  return (
    <>
      <StatusBadge status="failed" />{' '}
      <span className="muted small">
        {d.nextAttemptAt ? `next try ${formatTime(d.nextAttemptAt)}` : 'retrying'}
      </span>
    </>
  );
}

/**
 * The latest deliveries to one endpoint, with what the receiver answered and a Redeliver; one
 * opens to its request body and every attempt.
 */
export function Deliveries({
  webhookId,
  version,
  manage,
  onChange,
}: {
  webhookId: string;
  version: number;
  manage: boolean;
  /** Told when a delivery changed state (the endpoint's health is out of date). */
  onChange?: () => void;
}) {
  const list = useResource(
    () => api.get('/v1/webhooks/{id}/deliveries', { path: { id: webhookId }, query: { limit: 10 } }),
    `${webhookId}:${version}`,
  );
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const pending = list.data?.data.some((d) => d.status === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    // Deliveries are made in the background: follow them until none is waiting.
    const timer = window.setInterval(() => void list.reload(), 2000);
    return () => window.clearInterval(timer);
  }, [pending, list.reload]);

  // What the list says of each delivery: when it changes, the open detail and the health follow.
  // The first answer on screen counts as a change too: the health may have been read before it
  // (an earlier answer of this list can be dropped as stale, and the two are read side by side).
  const states = list.data?.data.map((d) => `${d.id}:${d.status}:${d.attemptCount}`).join(' ');
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (states === undefined || seen.current === states) return;
    seen.current = states;
    onChange?.();
  }, [states, onChange]);

  const redeliver = async (d: WebhookDelivery) => {
    setError(null);
    try {
      await api.post('/v1/webhooks/{id}/deliveries/{deliveryId}/retry', {
        path: { id: webhookId, deliveryId: d.id },
      });
      await list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (list.error) return <ErrorNote message={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.data.length === 0) return <Empty title="Nothing delivered yet" />;
  return (
    <>
      <ErrorNote message={error} />
      <div className="table-wrap">
        <table className="list stack">
          <caption className="visually-hidden">Latest deliveries</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.eventType} <span className="muted small">{formatDateTime(d.createdAt)}</span>
                </td>
                <td>
                  <DeliveryState d={d} />
                </td>
                <td>{d.attemptCount}</td>
                <td>
                  {d.lastStatusCode ?? d.lastError ?? '—'}
                  {d.responseSnippet && <pre className="message-body small">{d.responseSnippet}</pre>}
                  {open === d.id && (
                    <DeliveryDetail
                      webhookId={webhookId}
                      deliveryId={d.id}
                      version={`${d.status}:${d.attemptCount}`}
                    />
                  )}
                </td>
                <td className="actions">
                  <button
                    type="button"
                    aria-expanded={open === d.id}
                    onClick={() => setOpen(open === d.id ? null : d.id)}
                  >
                    {open === d.id ? 'Hide attempts' : 'Attempts'}
                  </button>
                  {manage && (
                    <button type="button" onClick={() => void redeliver(d)}>
                      Redeliver
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
