import { useState } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { useDevices } from '../devices';
import { formatDateTime, formatTime } from '../format';
import { useResource } from '../hooks/useResource';
import { useLiveEvent, useLiveOpened } from '../live';
import { can } from '../roles';
import { Drawer } from './Drawer';
import { MessageMedia } from './MessageMedia';
import { ErrorNote, Loading } from './Notice';
import { StatusBadge } from './StatusBadge';

/**
 * One message with its status timeline, refreshed while receipts arrive. `onOpen` shows another
 * message in its place (the new message a retry sent).
 */
export function MessageDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen?: (id: string) => void;
}) {
  const { role } = useSession();
  const { devices } = useDevices();
  const message = useResource(() => api.get('/v1/messages/{id}', { path: { id } }), id);
  const [error, setError] = useState<string | null>(null);
  useLiveOpened(() => void message.reload());
  useLiveEvent('message', (m) => {
    if (m.id === id) void message.reload();
  });
  const m = message.data;
  const cancel = async () => {
    try {
      await api.post('/v1/messages/{id}/cancel', { path: { id } });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      await message.reload();
    }
  };
  const retry = async () => {
    setError(null);
    try {
      const answer = await api.post('/v1/messages/retry', {
        body: { ids: [id] },
        idempotencyKey: crypto.randomUUID(),
      });
      const sent = answer.retried[0];
      if (sent) onOpen?.(sent.messageId);
      else setError(answer.skipped[0]?.message ?? 'It was not sent again');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Drawer title="Message" onClose={onClose}>
      <ErrorNote message={message.error ?? error} />
      {!m ? (
        <Loading />
      ) : (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={m.status} />
            </dd>
            <dt>{m.direction === 'out' ? 'To' : 'From'}</dt>
            <dd>{m.direction === 'out' ? m.to : m.from}</dd>
            <dt>Device</dt>
            <dd>{devices.find((d) => d.id === m.deviceId)?.name ?? m.deviceId ?? '—'}</dd>
            <dt>Sent by</dt>
            <dd>
              {m.source} · {m.priority} priority
            </dd>
            <dt>Created</dt>
            <dd>{formatDateTime(m.createdAt)}</dd>
            {m.error && (
              <>
                <dt>Error</dt>
                <dd>
                  <code>{m.error.code}</code> {m.error.message}
                </dd>
              </>
            )}
            <dt>Id</dt>
            <dd>
              <code>{m.id}</code>
            </dd>
          </dl>
          {m.media && (
            <>
              <h3>File</h3>
              <MessageMedia media={m.media} />
              <p className="muted small">
                {m.media.mime}
                {m.media.sha256 && (
                  <>
                    {' · sha256 '}
                    <code>{m.media.sha256.slice(0, 16)}…</code>
                  </>
                )}
              </p>
            </>
          )}
          <h3>{m.media ? 'Caption' : 'Text'}</h3>
          <p className="message-body">{m.body ?? '(erased by retention)'}</p>
          <h3>Timeline</h3>
          <ol className="timeline">
            {(m.timeline ?? []).map((step, i) => (
              <li key={`${step.status}-${i}`}>
                <StatusBadge status={step.status} /> <time dateTime={step.at}>{formatTime(step.at)}</time>
                {step.errorCode && <code> {step.errorCode}</code>}
              </li>
            ))}
          </ol>
          {m.status === 'queued' && can(role, 'messages') && (
            <button type="button" className="danger" onClick={() => void cancel()}>
              Cancel this message
            </button>
          )}
          {m.status === 'failed' && m.source !== 'verification' && onOpen && can(role, 'messages') && (
            <button type="button" onClick={() => void retry()}>
              Send again
            </button>
          )}
        </>
      )}
    </Drawer>
  );
}
