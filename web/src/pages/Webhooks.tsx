import { useCallback, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { ConfirmButton } from '../components/ConfirmButton';
import { Deliveries } from '../components/Deliveries';
import { EndpointHealth } from '../components/webhooks/EndpointHealth';
import { EventPicker } from '../components/webhooks/EventPicker';
import { SecretOnce } from '../components/webhooks/SecretOnce';
import { WebhookDrawer } from '../components/webhooks/WebhookDrawer';
import { Empty, ErrorNote, Loading, RoleNote, SuccessNote } from '../components/Notice';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';
import type { RequestBody } from '../api';

/** The event filter as the API types it; the picker's values come from the server's own list. */
type EventName = RequestBody<'post', '/v1/webhooks'>['events'][number];

const DISABLED_WHY: Record<string, string> = {
  manual: 'by hand',
  gone: 'the receiver answered 410 Gone',
  failing: 'every delivery failed for 5 days',
};

export function Webhooks() {
  const { role } = useSession();
  const list = useResource(() => api.get('/v1/webhooks', { query: { limit: 100 } }), 'webhooks');
  const eventTypes = useResource(() => api.get('/v1/webhooks/event-types'), 'event-types');
  const [newEvents, setNewEvents] = useState<string[]>(['*']);
  const [editing, setEditing] = useState<string | null>(null);
  // Per endpoint: bumped when its deliveries change, so its health is read again.
  const [healthVersion, setHealthVersion] = useState<Record<string, number>>({});
  const bumpHealth = useCallback(
    (id: string) => setHealthVersion((all) => ({ ...all, [id]: (all[id] ?? 0) + 1 })),
    [],
  );
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // Which endpoints show their deliveries: a test event opens its endpoint's list.
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const manage = can(role, 'webhooks');

  const run = async (action: () => Promise<unknown>, success?: string) => {
    setError(null);
    setNotice(null);
    try {
      await action();
      if (success) setNotice(success);
      await list.reload();
      setVersion((v) => v + 1);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (newEvents.length === 0) {
      setError('Tick at least one event type, or All events.');
      return;
    }
    // Checked against the server's list by the picker; the API refuses anything else with a 400.
    const events = newEvents as EventName[];
    const description = String(form.get('description')).trim();
    void run(async () => {
      const created = await api.post('/v1/webhooks', {
        body: {
          url: String(form.get('url')),
          events,
          ...(description ? { description } : {}),
        },
      });
      setSecret({ secret: created.secret, url: created.webhook.url });
      formElement.reset();
      setNewEvents(['*']);
    });
  };

  const editingHook = list.data?.data.find((w) => w.id === editing);

  return (
    <>
      <h1>Webhooks</h1>
      {manage ? (
        <form className="card form-grid" onSubmit={create} aria-labelledby="new-webhook">
          <h2 id="new-webhook">New endpoint</h2>
          <label>
            URL
            <input name="url" type="url" required placeholder="https://example.com/waping" />
          </label>
          <label>
            Description
            <input name="description" maxLength={500} />
          </label>
          {eventTypes.data ? (
            <EventPicker types={eventTypes.data.data} value={newEvents} onChange={setNewEvents} />
          ) : (
            <ErrorNote message={eventTypes.error} />
          )}
          <div>
            <button type="submit" className="primary">
              Add endpoint
            </button>
          </div>
        </form>
      ) : (
        <RoleNote>Only admins and owners manage webhooks.</RoleNote>
      )}
      {secret && (
        <SecretOnce
          title={`Signing secret for ${secret.url}`}
          secret={secret.secret}
          inputId="webhook-secret"
          onDone={() => setSecret(null)}
        >
          <p>Shown only now. Verify each delivery's signature with it (Standard Webhooks).</p>
        </SecretOnce>
      )}
      <ErrorNote message={error ?? list.error} />
      {notice && <SuccessNote>{notice}</SuccessNote>}
      {!list.data ? (
        <Loading />
      ) : list.data.data.length === 0 ? (
        <Empty title="No webhook endpoints">
          Add one to hear about deliveries, replies and device trouble.
        </Empty>
      ) : (
        <ul className="cards">
          {list.data.data.map((w) => (
            <li key={w.id} className="card">
              <h2 className="mono">{w.url}</h2>
              <p className="muted small">
                {w.enabled
                  ? 'Enabled'
                  : `Disabled${w.disabledReason ? ` (${DISABLED_WHY[w.disabledReason] ?? w.disabledReason})` : ''}`}{' '}
                · {w.events.includes('*') ? 'all events' : w.events.join(', ')}
                {w.description ? ` · ${w.description}` : ''}
              </p>
              <EndpointHealth webhookId={w.id} version={(healthVersion[w.id] ?? 0) + version} />
              {manage && (
                <div className="actions">
                  <button type="button" onClick={() => setEditing(w.id)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void run(() =>
                        api.patch('/v1/webhooks/{id}', { path: { id: w.id }, body: { enabled: !w.enabled } }),
                      )
                    }
                  >
                    {w.enabled ? 'Disable' : 'Enable'}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setShown((open) => ({ ...open, [w.id]: true }));
                      void run(
                        () => api.post('/v1/webhooks/{id}/test', { path: { id: w.id } }),
                        `Test event sent to ${w.url}: follow its delivery below.`,
                      );
                    }}
                  >
                    Send a test event
                  </button>
                  <ConfirmButton
                    label="Delete"
                    confirmLabel="Delete endpoint and its log"
                    onConfirm={() => run(() => api.delete('/v1/webhooks/{id}', { path: { id: w.id } }))}
                  />
                </div>
              )}
              <details
                open={shown[w.id] ?? false}
                onToggle={(e) => {
                  const open = e.currentTarget.open;
                  setShown((all) => (all[w.id] === open ? all : { ...all, [w.id]: open }));
                }}
              >
                <summary>Latest deliveries</summary>
                {shown[w.id] && (
                  <Deliveries
                    webhookId={w.id}
                    version={version}
                    manage={manage}
                    onChange={() => bumpHealth(w.id)}
                  />
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
      {/* The drawer makes its change itself; the page confirms it and reads the list again. */}
      {editingHook && eventTypes.data && (
        <WebhookDrawer
          webhook={editingHook}
          eventTypes={eventTypes.data.data}
          onClose={() => setEditing(null)}
          onChange={(line) => void run(() => Promise.resolve(), line)}
        />
      )}
    </>
  );
}
