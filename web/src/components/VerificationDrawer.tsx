import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { formatDateTime, formatTime } from '../format';
import { useResource } from '../hooks/useResource';
import { useLiveEvent } from '../live';
import { reasonText } from '../reasons';
import { can } from '../roles';
import { Drawer } from './Drawer';
import { callSnippets, Snippets } from './Snippets';
import { ErrorNote, Loading, SuccessNote } from './Notice';
import { StatusBadge } from './StatusBadge';

/** One verification: where the code went, channel by channel, and the actions an agent may take. */
export function VerificationDrawer({
  id,
  onClose,
  onChange,
}: {
  id: string;
  onClose: () => void;
  onChange: () => void;
}) {
  const { role } = useSession();
  const detail = useResource(() => api.get('/v1/verifications/{id}', { path: { id } }), id);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const v = detail.data;
  // Where the code went changes after the send (delivered, fallen back): follow it while it is open.
  const pendingMessages = new Set(
    (v?.sendAttempts ?? []).filter((a) => a.status === 'pending' && a.messageId).map((a) => a.messageId),
  );
  useLiveEvent('message', (message) => {
    // The verification settles just after its message changes: look again once it has.
    if (pendingMessages.has(message.id)) window.setTimeout(() => void detail.reload(), 400);
  });
  const waiting = v?.status === 'pending';
  useEffect(() => {
    if (!waiting) return;
    // Fallbacks after a timeout and expiry come without a message event: look every few seconds.
    const timer = window.setInterval(() => void detail.reload(), 5000);
    return () => window.clearInterval(timer);
  }, [waiting, detail.reload]);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    setResult(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    }
    await detail.reload();
    onChange();
  };
  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code'));
    void act(async () => {
      const answer = await api.post('/v1/verifications/{id}/check', { path: { id }, body: { code } });
      if (answer.status === 'approved') setResult('The code is right: approved.');
      else if (answer.status === 'pending')
        setError(
          `Wrong code: not approved. ${answer.remainingAttempts} ${answer.remainingAttempts === 1 ? 'check' : 'checks'} left.`,
        );
      else setError(`Wrong code: not approved, and the verification is now ${reasonText(answer.status)}.`);
    });
  };
  const pending = v?.status === 'pending';
  return (
    <Drawer title="Verification" onClose={onClose}>
      <ErrorNote message={detail.error ?? error} />
      {result && <SuccessNote>{result}</SuccessNote>}
      {!v ? (
        <Loading />
      ) : (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={v.status} />
            </dd>
            <dt>To</dt>
            <dd>
              {v.to}
              {v.email ? ` · ${v.email}` : ''}
            </dd>
            <dt>Channels</dt>
            <dd>{v.channels.join(' → ')}</dd>
            <dt>Checks left</dt>
            <dd>{v.remainingAttempts}</dd>
            <dt>Expires</dt>
            <dd>{formatDateTime(v.expiresAt)}</dd>
            {v.failureReason && (
              <>
                <dt>Failure</dt>
                <dd>
                  {reasonText(v.failureReason)} <code className="muted small">{v.failureReason}</code>
                </dd>
              </>
            )}
          </dl>
          <h3>Sends</h3>
          <ol className="timeline">
            {v.sendAttempts.map((a, i) => (
              <li key={`${a.channel}-${i}`}>
                {a.channel} <StatusBadge status={a.status} /> <time dateTime={a.at}>{formatTime(a.at)}</time>
                {a.reason && (
                  <span className="muted small">
                    {' '}
                    {reasonText(a.reason)} <code>{a.reason}</code>
                  </span>
                )}
              </li>
            ))}
          </ol>
          <details className="snippet-details">
            <summary>Check it from code</summary>
            <Snippets
              title="Check this verification from code"
              snippets={callSnippets('POST', `/v1/verifications/${v.id}/check`, {
                code: '1234567890'.slice(0, v.codeLength),
              })}
            />
          </details>
          {pending && can(role, 'verify') && (
            <>
              <form className="row" onSubmit={check}>
                <label>
                  Code the person received
                  <input
                    name="code"
                    inputMode="numeric"
                    pattern="[0-9]{4,10}"
                    required
                    autoComplete="one-time-code"
                  />
                </label>
                <button type="submit">Check code</button>
              </form>
              <div className="actions">
                <button
                  type="button"
                  onClick={() =>
                    void act(() => api.post('/v1/verifications/{id}/resend', { path: { id }, body: {} }))
                  }
                >
                  Resend
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void act(() => api.post('/v1/verifications/{id}/cancel', { path: { id } }))}
                >
                  Cancel verification
                </button>
              </div>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
