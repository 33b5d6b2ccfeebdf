import { useState, type FormEvent } from 'react';
import { api, errorMessage, type Answer, type Workspace } from '../api';
import { useResource } from '../hooks/useResource';
import { ErrorNote, Loading, SuccessNote } from './Notice';
import { RecoveryCodes, TwoFactorEnrol } from './TwoFactorEnrol';

type Status = Answer<'get', '/auth/two-factor'>;

/** Your own two-factor sign-in: enrol, new recovery codes, turn it off. */
export function TwoFactorCard() {
  const status = useResource<Status>(() => api.get('/auth/two-factor'), 'two-factor');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const post = async (event: FormEvent<HTMLFormElement>, action: 'recovery-codes' | 'disable') => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    try {
      if (action === 'recovery-codes') {
        const answer = await api.post('/auth/two-factor/recovery-codes', {
          body: { code: String(form.get('code')) },
        });
        setCodes(answer.recoveryCodes);
      } else {
        await api.post('/auth/two-factor/disable', {
          body: { password: String(form.get('password')), code: String(form.get('code')) },
        });
      }
      formElement.reset();
      await status.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="card" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-factor sign-in</h2>
      <ErrorNote message={status.error} />
      {!status.data ? (
        <Loading />
      ) : codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : !status.data.enabled ? (
        <>
          {status.data.requiredByWorkspace && <p>Your workspace requires it: set it up now.</p>}
          <TwoFactorEnrol
            onConfirmed={(answer) => {
              setCodes(answer.recoveryCodes);
              void status.reload();
            }}
          />
        </>
      ) : (
        <>
          <SuccessNote>On. {status.data.recoveryCodesLeft} of 10 recovery codes left.</SuccessNote>
          <form className="form-grid" onSubmit={(e) => void post(e, 'recovery-codes')}>
            <label>
              Code from the app
              <input name="code" required autoComplete="one-time-code" maxLength={20} />
            </label>
            <div>
              <button type="submit">New recovery codes</button>
            </div>
          </form>
          {!status.data.requiredByWorkspace && (
            <form className="form-grid" onSubmit={(e) => void post(e, 'disable')}>
              <label>
                Password
                <input name="password" type="password" required autoComplete="current-password" />
              </label>
              <label>
                Code from the app
                <input name="code" required autoComplete="one-time-code" maxLength={20} />
              </label>
              <div>
                <button type="submit" className="danger">
                  Turn two-factor off
                </button>
              </div>
            </form>
          )}
        </>
      )}
      <ErrorNote message={error} />
    </section>
  );
}

/** The owner's switch: every member must sign in with a second factor. */
export function RequireTwoFactor({
  workspace,
  onSaved,
}: {
  workspace: Workspace;
  onSaved: (w: Workspace) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (requireTwoFactor: boolean) => {
    setError(null);
    try {
      onSaved(await api.patch('/v1/workspace', { body: { requireTwoFactor } }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section className="card" aria-labelledby="require-2fa-title">
      <h2 id="require-2fa-title">Sign-in security</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={workspace.settings.requireTwoFactor}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        Require two-factor sign-in for every member
      </label>
      <p className="muted small">Members without it set up an app at their next sign-in.</p>
      <ErrorNote message={error} />
    </section>
  );
}
