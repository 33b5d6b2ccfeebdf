import { useState, type FormEvent } from 'react';
import { api, errorMessage, type AuthState } from '../api';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/Notice';
import { RecoveryCodes, TwoFactorEnrol } from '../components/TwoFactorEnrol';

/** The second sign-in step: a code from the app, or a recovery code. */
export function SignInCode() {
  const { accept, logout } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code'));
    setBusy(true);
    try {
      accept(await api.post('/auth/two-factor/verify', { body: { code } }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)}>
        <h1>Two-factor sign-in</h1>
        <label>
          Code from your authenticator app
          <input name="code" required autoComplete="one-time-code" autoFocus maxLength={20} />
        </label>
        <p className="muted small">No phone at hand? Type one of your recovery codes instead.</p>
        <ErrorNote message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <button type="button" onClick={() => void logout()}>
          Start again
        </button>
      </form>
    </main>
  );
}

/** The workspace requires two-factor and this member has none yet: enrol, then the session opens. */
export function SignInEnrol() {
  const { accept } = useAuth();
  const [done, setDone] = useState<{ codes: string[]; state: AuthState } | null>(null);
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Set up two-factor sign-in</h1>
        <p>Your workspace requires a second factor for every member.</p>
        {done ? (
          <RecoveryCodes codes={done.codes} onDone={() => accept(done.state)} />
        ) : (
          <TwoFactorEnrol
            onConfirmed={(answer) =>
              answer.state && setDone({ codes: answer.recoveryCodes, state: answer.state })
            }
          />
        )}
      </div>
    </main>
  );
}
