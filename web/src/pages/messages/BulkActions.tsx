import { useState } from 'react';
import { api, errorMessage, type Message } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNote, SuccessNote } from '../../components/Notice';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Skipped {
  id: string;
  message: string;
}

/** Why the server left messages alone, one line each (a few, then how many more). */
function skippedText(skipped: Skipped[]): string {
  if (skipped.length === 0) return '';
  const shown = skipped.slice(0, 3).map((s) => s.message);
  const rest = skipped.length - shown.length;
  return ` ${plural(skipped.length, 'left alone')}: ${shown.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}.`;
}

/**
 * Cancel the selected queued messages, or send the selected failed ones again, each after a
 * confirmation. The server checks each message's status again and says which it left alone.
 */
export function BulkActions({ selected, onDone }: { selected: Message[]; onDone: () => void }) {
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queued = selected.filter((m) => m.status === 'queued').map((m) => m.id);
  const failed = selected.filter((m) => m.status === 'failed').map((m) => m.id);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await action());
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () =>
    run(async () => {
      const answer = await api.post('/v1/messages/cancel', {
        body: { ids: queued },
        idempotencyKey: crypto.randomUUID(),
      });
      return `Canceled ${plural(answer.canceled.length, 'message')}.${skippedText(answer.skipped)}`;
    });
  const retry = () =>
    run(async () => {
      const answer = await api.post('/v1/messages/retry', {
        body: { ids: failed },
        idempotencyKey: crypto.randomUUID(),
      });
      return `Sent ${plural(answer.retried.length, 'message')} again, as new messages.${skippedText(answer.skipped)}`;
    });

  return (
    <div className="bulk-actions">
      {selected.length > 0 && (
        <div className="bulk-bar" role="group" aria-label="Selected messages">
          <span>{plural(selected.length, 'message')} selected</span>
          <ConfirmButton
            label={`Cancel queued (${queued.length})`}
            confirmLabel={`Cancel ${plural(queued.length, 'queued message')}`}
            disabled={busy || queued.length === 0}
            onConfirm={cancel}
          />
          <ConfirmButton
            label={`Retry failed (${failed.length})`}
            confirmLabel={`Send ${plural(failed.length, 'failed message')} again`}
            disabled={busy || failed.length === 0}
            onConfirm={retry}
          />
        </div>
      )}
      <ErrorNote message={error} />
      {result && <SuccessNote>{result}</SuccessNote>}
    </div>
  );
}
