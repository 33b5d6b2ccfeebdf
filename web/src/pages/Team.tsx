import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNote, Loading, RoleNote } from '../components/Notice';
import { formatDateTime } from '../format';
import { useResource } from '../hooks/useResource';
import { can, ROLE_HELP } from '../roles';
import type { Role, TeamMember } from '../api';

const ROLES: Role[] = ['owner', 'admin', 'agent', 'viewer'];

export function Team() {
  const { role, user } = useSession();
  const team = useResource(() => api.get('/v1/team'), 'team');
  const [error, setError] = useState<string | null>(null);
  const admin = can(role, 'admin');
  // Admins manage everyone but owners; the server says the same.
  const assignable = ROLES.filter((r) => role === 'owner' || r !== 'owner');
  const mayChange = (m: TeamMember) => admin && (role === 'owner' || m.role !== 'owner');

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await team.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name')).trim();
    void run(async () => {
      await api.post('/v1/team', {
        body: {
          email: String(form.get('email')),
          password: String(form.get('password')),
          // The select offers the API's roles only; the server validates whatever arrives.
          role: String(form.get('role')) as Role,
          ...(name ? { name } : {}),
        },
      });
      formElement.reset();
    });
  };

  return (
    <>
      <h1>Team</h1>
      {admin ? (
        <form className="card form-grid" onSubmit={add} aria-labelledby="add-member">
          <h2 id="add-member">Add a member</h2>
          <label>
            Name
            <input name="name" autoComplete="off" />
          </label>
          <label>
            Email
            <input name="email" type="email" required autoComplete="off" />
          </label>
          <label>
            First password <span className="muted">(they can change it)</span>
            <input name="password" type="password" required minLength={12} autoComplete="new-password" />
          </label>
          <div className="field">
            <label htmlFor="new-member-role">Role</label>
            <select id="new-member-role" name="role" defaultValue="agent">
              {assignable.map((r) => (
                <option key={r} value={r}>
                  {r} — {ROLE_HELP[r]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="primary">
              Add member
            </button>
          </div>
        </form>
      ) : (
        <RoleNote>Only admins and owners manage the team.</RoleNote>
      )}
      <ErrorNote message={error ?? team.error} />
      {!team.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="list">
            <caption className="visually-hidden">Team members</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">Last seen</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.data.data.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.name ?? m.email} {m.name && <span className="muted small">{m.email}</span>}
                    {m.id === user.id && <span className="muted small"> (you)</span>}
                  </td>
                  <td>
                    {mayChange(m) ? (
                      <select
                        aria-label={`Role of ${m.email}`}
                        value={m.role}
                        onChange={(e) =>
                          void run(() =>
                            api.patch('/v1/team/{userId}', {
                              path: { userId: m.id },
                              body: { role: e.target.value as Role },
                            }),
                          )
                        }
                      >
                        {assignable.map((r) => (
                          <option key={r}>{r}</option>
                        ))}
                      </select>
                    ) : (
                      m.role
                    )}
                  </td>
                  <td>{m.lastSeenAt ? formatDateTime(m.lastSeenAt) : 'never'}</td>
                  <td>
                    {mayChange(m) && m.id !== user.id && (
                      <ConfirmButton
                        label="Remove"
                        confirmLabel={`Remove ${m.email}`}
                        onConfirm={() =>
                          run(() => api.delete('/v1/team/{userId}', { path: { userId: m.id } }))
                        }
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
