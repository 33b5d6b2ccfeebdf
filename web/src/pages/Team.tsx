import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNote, Loading, RoleNote, SuccessNote } from '../components/Notice';
import { formatDateTime } from '../format';
import { useResource } from '../hooks/useResource';
import { can, ROLE_HELP } from '../roles';
import type { Role, TeamMember } from '../api';

const ROLES: Role[] = ['owner', 'admin', 'agent', 'viewer'];

function ResetPassword({
  member,
  onCancel,
  onDone,
}: {
  member: TeamMember;
  onCancel: () => void;
  onDone: (password: string) => void;
}) {
  return (
    <form
      className="card form-grid"
      aria-labelledby="reset-title"
      onSubmit={(event) => {
        event.preventDefault();
        onDone(String(new FormData(event.currentTarget).get('password')));
      }}
    >
      <h2 id="reset-title">Reset the password of {member.email}</h2>
      <label>
        New password <span className="muted">(10 characters or more; they can change it later)</span>
        <input
          name="password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          autoFocus
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary">
          Set new password
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function Team() {
  const { role, user } = useSession();
  const team = useResource(() => api.get('/v1/team'), 'team');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A role change waits for a confirmation: a slip of the select must not make someone an owner.
  const [pendingRole, setPendingRole] = useState<{ id: string; email: string; role: Role } | null>(null);
  const [resetting, setResetting] = useState<TeamMember | null>(null);
  const admin = can(role, 'admin');
  // Admins manage everyone but owners; the server says the same.
  const assignable = ROLES.filter((r) => role === 'owner' || r !== 'owner');
  const mayChange = (m: TeamMember) => admin && (role === 'owner' || m.role !== 'owner');

  const run = async (action: () => Promise<unknown>, success?: string) => {
    setError(null);
    setDone(null);
    try {
      await action();
      if (success) setDone(success);
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
      {done && <SuccessNote>{done}</SuccessNote>}
      {pendingRole && (
        <div className="card confirm-card" role="group" aria-label="Confirm the role change">
          <p>
            Make {pendingRole.email} {pendingRole.role === 'owner' ? 'an' : 'a'}{' '}
            <strong>{pendingRole.role}</strong>? {ROLE_HELP[pendingRole.role]}.
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                const change = pendingRole;
                setPendingRole(null);
                void run(
                  () =>
                    api.patch('/v1/team/{userId}', {
                      path: { userId: change.id },
                      body: { role: change.role },
                    }),
                  `${change.email} is now ${change.role === 'owner' ? 'an' : 'a'} ${change.role}.`,
                );
              }}
            >
              Change role
            </button>
            <button type="button" onClick={() => setPendingRole(null)}>
              Keep the role
            </button>
          </div>
        </div>
      )}
      {resetting && (
        <ResetPassword
          member={resetting}
          onCancel={() => setResetting(null)}
          onDone={(password) => {
            const member = resetting;
            setResetting(null);
            void run(
              () =>
                api.post('/v1/team/{userId}/password', { path: { userId: member.id }, body: { password } }),
              `New password set for ${member.email}; they were signed out. Give them the password over a safe channel.`,
            );
          }}
        />
      )}
      {!team.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="list stack team-table">
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
                        value={pendingRole?.id === m.id ? pendingRole.role : m.role}
                        onChange={(e) =>
                          setPendingRole({ id: m.id, email: m.email, role: e.target.value as Role })
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
                      <button type="button" onClick={() => setResetting(m)}>
                        Reset password
                      </button>
                    )}{' '}
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
