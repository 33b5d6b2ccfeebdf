import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/Notice';

const MIN_PASSWORD = 12;

/** First start: the person who opens the dashboard first becomes the owner. */
export function Setup() {
  const { accept } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) return setError('The two passwords differ');
    setBusy(true);
    try {
      const name = String(form.get('name')).trim();
      const body = { email: String(form.get('email')), password, ...(name ? { name } : {}) };
      accept(await api.post('/auth/setup', { body }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={(e) => void submit(e)}>
        <h1>Welcome to WAPing</h1>
        <p className="muted">Create the owner account of this server. You can invite your team afterwards.</p>
        <label>
          Your name
          <input name="name" autoComplete="name" />
        </label>
        <label>
          Email
          <input name="email" type="email" required autoComplete="username" />
        </label>
        <label>
          Password <span className="muted">(at least {MIN_PASSWORD} characters)</span>
          <input
            name="password"
            type="password"
            required
            minLength={MIN_PASSWORD}
            autoComplete="new-password"
          />
        </label>
        <label>
          Repeat the password
          <input
            name="confirm"
            type="password"
            required
            minLength={MIN_PASSWORD}
            autoComplete="new-password"
          />
        </label>
        <ErrorNote message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create owner account'}
        </button>
      </form>
    </main>
  );
}
