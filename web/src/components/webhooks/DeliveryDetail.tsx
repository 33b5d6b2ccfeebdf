import { api } from '../../api';
import { formatDateTime } from '../../format';
import { useResource } from '../../hooks/useResource';
import { ErrorNote, Loading } from '../Notice';

/** The body as sent, indented for reading (it is left as is when it is not JSON). */
function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/**
 * One delivery opened: the body every attempt POSTed, then each attempt with its status,
 * duration and the answer's first kilobyte, and when the next try is due.
 */
export function DeliveryDetail({
  webhookId,
  deliveryId,
  version,
}: {
  webhookId: string;
  deliveryId: string;
  /** Changes when the list saw the delivery change, so the detail follows it. */
  version: string;
}) {
  const detail = useResource(
    () => api.get('/v1/webhooks/{id}/deliveries/{deliveryId}', { path: { id: webhookId, deliveryId } }),
    `${deliveryId}:${version}`,
  );
  if (detail.error) return <ErrorNote message={detail.error} />;
  const d = detail.data;
  if (!d) return <Loading />;
  return (
    <div className="delivery-detail stack">
      {d.attempts.length === 0 ? (
        <p className="muted small">Not tried yet.</p>
      ) : (
        <ol className="timeline">
          {d.attempts.map((a) => (
            <li key={a.number}>
              Attempt {a.number} at <time dateTime={a.at}>{formatDateTime(a.at)}</time>:{' '}
              {a.statusCode !== null ? `answered ${a.statusCode}` : `no answer (${a.error ?? 'unknown'})`} in{' '}
              {a.durationMs} ms
              {a.responseSnippet && (
                <pre className="message-body small" aria-label={`Answer to attempt ${a.number}`}>
                  {a.responseSnippet}
                </pre>
              )}
            </li>
          ))}
        </ol>
      )}
      {d.nextAttemptAt && (
        <p className="small">
          Next try at <time dateTime={d.nextAttemptAt}>{formatDateTime(d.nextAttemptAt)}</time>
        </p>
      )}
      <details>
        <summary>Request body ({d.eventType})</summary>
        <pre className="message-body small" aria-label="Request body">
          {pretty(d.payload)}
        </pre>
      </details>
    </div>
  );
}
