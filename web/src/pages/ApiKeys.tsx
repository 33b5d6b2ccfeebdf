import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { ConfirmButton } from '../components/ConfirmButton';
import { CopyButton } from '../components/CopyButton';
import { Empty, ErrorNote, Loading, RoleNote } from '../components/Notice';
import { sendSnippets, Snippets } from '../components/Snippets';
import { formatDateTime } from '../format';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';
import type { ApiKey, Scope } from '../api';

/** What a new key may do unless the form says otherwise: enough to send, never admin. */
const DEFAULT_SCOPES: Scope[] = ['messages', 'verify'];
const SCOPES: Array<{ scope: Scope; help: string }> = [
  { scope: 'messages', help: 'send and read messages, templates, contacts' },
  { scope: 'verify', help: 'verification codes' },
  { scope: 'devices', help: 'devices and the sandbox' },
  { scope: 'webhooks', help: 'webhook endpoints' },
  { scope: 'admin', help: 'workspace settings, keys, team' },
];

export function ApiKeys() {
  const { role } = useSession();
  const list = useResource(() => api.get('/v1/api-keys', { query: { limit: 100 } }), 'keys');
  const [created, setCreated] = useState<{ key: string; apiKey: ApiKey } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const admin = can(role, 'admin');

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    // The checkboxes offer the API's scopes only; the server validates whatever arrives.
    const scopes = form.getAll('scopes').map(String) as Scope[];
    setError(null);
    // The API reads "no scopes" as all of them, admin included: the form asks for a choice instead.
    if (scopes.length === 0) {
      setError('Tick at least one thing the key may do.');
      return;
    }
    try {
      setCreated(
        await api.post('/v1/api-keys', {
          body: {
            name: String(form.get('name')),
            scopes,
          },
        }),
      );
      formElement.reset();
      await list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const revoke = async (id: string) => {
    try {
      await api.delete('/v1/api-keys/{id}', { path: { id } });
      await list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <h1>API keys</h1>
      <p className="muted">
        Your backend calls the API with a key. Every route is described, with examples to try, in{' '}
        <a href="/docs">the API reference (/docs)</a>.
      </p>
      {admin ? (
        <form className="card stack" onSubmit={(e) => void create(e)} aria-labelledby="new-key">
          <h2 id="new-key">New key</h2>
          <label>
            Name <span className="muted">(where it is used)</span>
            <input name="name" required maxLength={100} placeholder="backend production" />
          </label>
          <fieldset>
            <legend>What the key may do</legend>
            {SCOPES.map((s) => (
              <label key={s.scope} className="check">
                <input
                  type="checkbox"
                  name="scopes"
                  value={s.scope}
                  defaultChecked={DEFAULT_SCOPES.includes(s.scope)}
                />{' '}
                {s.scope} <span className="muted">— {s.help}</span>
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="primary">
              Create key
            </button>
          </div>
        </form>
      ) : (
        <RoleNote>Only admins and owners create and revoke API keys.</RoleNote>
      )}
      <ErrorNote message={error} />
      {created && (
        <section className="card key-once" aria-labelledby="key-once-title">
          <h2 id="key-once-title">Your new key “{created.apiKey.name}”</h2>
          <p>
            Copy it now: it is shown only this once. Send it as <code>Authorization: Bearer …</code>.
          </p>
          <div className="row">
            <input
              id="new-key-value"
              readOnly
              value={created.key}
              aria-label="New API key"
              className="mono"
            />
            <CopyButton value={created.key} targetId="new-key-value" />
          </div>
          <Snippets title="Send a first message with this key" snippets={sendSnippets(created.key)} />
          <button type="button" onClick={() => setCreated(null)}>
            I have stored it
          </button>
        </section>
      )}
      <ErrorNote message={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.data.length === 0 ? (
        <Empty title="No API keys yet">Create one to call the API from your backend.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <caption className="visually-hidden">API keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td className="mono">wap_…{k.hint}</td>
                  <td>{k.scopes.join(', ')}</td>
                  <td>
                    {k.revokedAt
                      ? `revoked ${formatDateTime(k.revokedAt)}`
                      : k.lastUsedAt
                        ? formatDateTime(k.lastUsedAt)
                        : 'never'}
                  </td>
                  <td>
                    {admin && !k.revokedAt && (
                      <ConfirmButton
                        label="Revoke"
                        confirmLabel={`Revoke ${k.name}`}
                        onConfirm={() => revoke(k.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
