import { useState, type FormEvent } from 'react';
import { api, errorMessage, type Answer } from '../api';
import { ErrorNote } from './Notice';

type Enrolment = Answer<'post', '/auth/two-factor/enrol'>;
export type Confirmed = Answer<'post', '/auth/two-factor/confirm'>;

/** Ten recovery codes, shown once: each signs in once in place of a code. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="form-grid">
      <p>
        Keep these recovery codes somewhere safe, apart from your phone. Each one signs you in once if the app
        is not at hand. They are not shown again.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div>
        <button type="button" className="primary" onClick={onDone}>
          I have saved them
        </button>
      </div>
    </div>
  );
}

/**
 * Enrolling an authenticator app: a QR code to scan (and the secret to type), then a code from the
 * app to confirm. Works signed in, and during sign-in where the workspace requires two-factor.
 */
export function TwoFactorEnrol({ onConfirmed }: { onConfirmed: (answer: Confirmed) => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setError(null);
    try {
      setEnrolment(await api.post('/auth/two-factor/enrol'));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code'));
    setBusy(true);
    setError(null);
    try {
      onConfirmed(await api.post('/auth/two-factor/confirm', { body: { code } }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <div className="form-grid">
        <p>Use an authenticator app on your phone (any that reads TOTP QR codes).</p>
        <div>
          <button type="button" onClick={() => void start()}>
            Set up an authenticator app
          </button>
        </div>
        <ErrorNote message={error} />
      </div>
    );
  }
  return (
    <form className="form-grid" onSubmit={(e) => void confirm(e)}>
      <img src={enrolment.qrCode} alt="QR code for your authenticator app" width={240} height={240} />
      <p className="muted small">
        Cannot scan? Type this key into the app: <code>{enrolment.secret}</code>
      </p>
      <label>
        Code from the app
        <input name="code" inputMode="numeric" autoComplete="one-time-code" required pattern="[0-9 ]{6,7}" />
      </label>
      <div>
        <button type="submit" className="primary" disabled={busy}>
          Turn on two-factor sign-in
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
