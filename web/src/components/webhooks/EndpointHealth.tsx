import { api } from '../../api';
import { formatDateTime } from '../../format';
import { useResource } from '../../hooks/useResource';
import { ErrorNote } from '../Notice';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** An endpoint's record over its latest deliveries, as the server computes it. */
export function EndpointHealth({ webhookId, version }: { webhookId: string; version: number }) {
  const health = useResource(
    () => api.get('/v1/webhooks/{id}/health', { path: { id: webhookId } }),
    `${webhookId}:${version}`,
  );
  if (health.error) return <ErrorNote message={health.error} />;
  const h = health.data;
  if (!h) return null;
  const tried = h.succeeded + h.failed + h.retrying;
  const last = h.lastError;
  return (
    <dl className="facts small" aria-label="Endpoint health">
      <dt>Success rate</dt>
      <dd>
        {h.successRate === null
          ? 'nothing tried yet'
          : `${percent(h.successRate)} of ${tried} ${tried === 1 ? 'delivery' : 'deliveries'} tried (of the latest ${h.window})`}
        {h.retrying > 0 && ` · ${h.retrying} retrying`}
        {h.failed > 0 && ` · ${h.failed} given up`}
      </dd>
      {h.lastSuccessAt && (
        <>
          <dt>Last success</dt>
          <dd>{formatDateTime(h.lastSuccessAt)}</dd>
        </>
      )}
      <dt>Last error</dt>
      <dd>
        {last ? (
          <>
            {last.statusCode !== null ? `answered ${last.statusCode}` : (last.error ?? 'no answer')} at{' '}
            {formatDateTime(last.at)} ({last.eventType})
            {last.responseSnippet && (
              <pre className="message-body" aria-label="Answer to the last failed attempt">
                {last.responseSnippet}
              </pre>
            )}
          </>
        ) : (
          'none'
        )}
      </dd>
    </dl>
  );
}
