import { useState } from 'react';
import { api, errorMessage } from '../api';
import { useResource } from '../hooks/useResource';
import { Link } from '../router';
import { ErrorNote } from './Notice';

/**
 * A number that only sends codes still gets replies; the otp-only preset answers them once a day
 * so nobody waits for an answer that never comes.
 */
export function OtpOnlyOffer({ deviceId }: { deviceId: string }) {
  const [state, setState] = useState<'idle' | 'added' | 'dismissed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const rules = useResource(() => api.get('/v1/auto-replies', { query: { limit: 100 } }), 'otp-only-rules');
  const covered = rules.data?.data.some(
    (r) => r.preset === 'otp-only' && (r.deviceId === null || r.deviceId === deviceId),
  );
  if (state === 'dismissed' || (state === 'idle' && (!rules.data || covered))) return null;
  if (state === 'added') {
    return (
      <p className="notice notice-ok" role="status">
        Added. People who write to this number are told it only sends codes (see{' '}
        <Link href="/auto-replies">Auto-replies</Link>).
      </p>
    );
  }
  const add = async () => {
    try {
      await api.post('/v1/auto-replies/presets/{presetId}', {
        path: { presetId: 'otp-only' },
        body: { deviceId },
      });
      setState('added');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <div className="notice notice-info">
      <p>Will this number only send verification codes? Tell people who reply that nobody reads this line.</p>
      <div className="actions">
        <button type="button" onClick={() => void add()}>
          Add the “OTP-only line” auto-reply
        </button>
        <button type="button" onClick={() => setState('dismissed')}>
          Not now
        </button>
      </div>
      <ErrorNote message={error} />
    </div>
  );
}
