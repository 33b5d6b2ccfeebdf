import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote, SuccessNote } from './Notice';

/** Changing your own password signs out your other sessions. */
export function PasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setDone(false);
    if (form.get('newPassword') !== form.get('confirm')) return setError('The two new passwords differ');
    try {
      await api.post('/auth/password', {
        body: {
          currentPassword: String(form.get('currentPassword')),
          newPassword: String(form.get('newPassword')),
        },
      });
      formElement.reset();
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="password-title">
      <h2 id="password-title">Your password</h2>
      <label>
        Current password
        <input name="currentPassword" type="password" required autoComplete="current-password" />
      </label>
      <label>
        New password
        <input name="newPassword" type="password" required minLength={12} autoComplete="new-password" />
      </label>
      <label>
        Repeat the new password
        <input name="confirm" type="password" required minLength={12} autoComplete="new-password" />
      </label>
      <div>
        <button type="submit">Change password</button>
      </div>
      <ErrorNote message={error} />
      {done && <SuccessNote>Password changed; your other sessions were signed out.</SuccessNote>}
    </form>
  );
}
