import { useState } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { ConfirmButton } from '../components/ConfirmButton';
import { LoadMore } from '../components/LoadMore';
import { Empty, ErrorNote, Loading, RoleNote } from '../components/Notice';
import { RuleForm } from '../components/RuleForm';
import { useDevices } from '../devices';
import { usePagedList } from '../hooks/usePagedList';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';
import type { AutoReply } from '../api';

function describe(rule: AutoReply): string {
  const match =
    rule.match.type === 'any' ? 'any message' : `${rule.match.type} “${rule.match.pattern ?? ''}”`;
  const hours = rule.businessHours
    ? ` · ${rule.businessHours.start}–${rule.businessHours.end} ${rule.businessHours.timeZone}`
    : '';
  return `${match} · priority ${rule.priority}${rule.cooldownMinutes ? ` · once per ${rule.cooldownMinutes} min` : ''}${hours}`;
}

export function AutoReplies() {
  const { role } = useSession();
  const { devices } = useDevices();
  const rules = usePagedList('/v1/auto-replies', {}, 50);
  const presets = useResource(() => api.get('/v1/auto-replies/presets'), 'presets');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = can(role, 'messages');
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    }
    await rules.reload();
  };
  return (
    <>
      <h1>Auto-replies</h1>
      {editable ? (
        <section className="card" aria-labelledby="new-rule">
          <h2 id="new-rule">New rule</h2>
          <RuleForm onDone={() => void rules.reload()} />
          {(presets.data?.data ?? []).map((p) => (
            <p key={p.id} className="row">
              <button
                type="button"
                onClick={() =>
                  void run(() =>
                    api.post('/v1/auto-replies/presets/{presetId}', { path: { presetId: p.id }, body: {} }),
                  )
                }
              >
                Add “{p.name}”
              </button>
              <span className="muted small">{p.description}</span>
            </p>
          ))}
        </section>
      ) : (
        <RoleNote>Your role can read the rules but not change them.</RoleNote>
      )}
      <ErrorNote message={error ?? rules.error} />
      {!rules.data ? (
        <Loading />
      ) : rules.items.length === 0 ? (
        <Empty title="No auto-replies">
          Rules answer customers who write to your numbers, in priority order.
        </Empty>
      ) : (
        <ol className="cards">
          {rules.items.map((r) => (
            <li key={r.id} className="card">
              {editing === r.id ? (
                <RuleForm
                  rule={r}
                  onDone={() => {
                    setEditing(null);
                    void rules.reload();
                  }}
                />
              ) : (
                <>
                  <h2>
                    {r.name} {!r.enabled && <span className="badge badge-neutral">disabled</span>}
                  </h2>
                  <p className="muted small">
                    {devices.find((d) => d.id === r.deviceId)?.name ?? 'Every device'} · {describe(r)}
                  </p>
                  <p className="message-body">{r.reply}</p>
                  {editable && (
                    <div className="actions">
                      <button type="button" onClick={() => setEditing(r.id)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void run(() =>
                            api.patch('/v1/auto-replies/{id}', {
                              path: { id: r.id },
                              body: { enabled: !r.enabled },
                            }),
                          )
                        }
                      >
                        {r.enabled ? 'Disable' : 'Enable'}
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel={`Delete ${r.name}`}
                        onConfirm={() =>
                          run(() => api.delete('/v1/auto-replies/{id}', { path: { id: r.id } }))
                        }
                      />
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <LoadMore hasMore={rules.hasMore} more={rules.more} onMore={rules.loadMore} />
    </>
  );
}
