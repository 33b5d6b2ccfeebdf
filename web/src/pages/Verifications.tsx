import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { useCapabilities } from '../capabilities';
import { ChannelOrder, CHANNEL_NAMES, choiceFrom, chosenChannels } from '../components/ChannelOrder';
import { LoadMore } from '../components/LoadMore';
import { Empty, ErrorNote, Loading } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { VerificationDrawer } from '../components/VerificationDrawer';
import { VerificationStats } from '../components/VerificationStats';
import { formatDateTime } from '../format';
import { useDrawerParam } from '../hooks/useDrawerParam';
import { usePagedList } from '../hooks/usePagedList';
import { useTypedFilter, useUrlFilters } from '../hooks/useUrlFilters';
import { can } from '../roles';
import type { Channel, Verification } from '../api';

const STATUSES = ['pending', 'approved', 'canceled', 'expired', 'max_attempts_reached', 'failed'];
const CHANNELS: Channel[] = ['whatsapp', 'sms', 'email'];

function SendCode({ onSent }: { onSent: (v: Verification) => void }) {
  const [error, setError] = useState<string | null>(null);
  const capabilities = useCapabilities();
  // Only channels the server can use are offered; WhatsApp always is.
  const offered = CHANNELS.filter((c) => capabilities?.channels[c] ?? c === 'whatsapp');
  const missing = CHANNELS.filter((c) => !offered.includes(c));
  // Nothing ticked: the workspace's order from Settings applies.
  const [picked, setPicked] = useState(() => choiceFrom([], CHANNELS));
  const choice = {
    order: picked.order.filter((c) => offered.includes(c)),
    used: picked.used.filter((c) => offered.includes(c)),
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const channels = chosenChannels(choice);
    const email = String(form.get('email') ?? '').trim();
    setError(null);
    try {
      onSent(
        await api.post('/v1/verifications', {
          body: {
            to: String(form.get('to')),
            ...(channels.length ? { channels } : {}),
            ...(email ? { email } : {}),
          },
        }),
      );
      formElement.reset();
      setPicked(choiceFrom([], picked.order));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="send-code">
      <h2 id="send-code">Send a code</h2>
      <label>
        Phone number
        <input name="to" type="tel" required placeholder="+15551234567" />
      </label>
      {offered.includes('email') && (
        <label>
          Email <span className="muted">(for the email channel)</span>
          <input name="email" type="email" />
        </label>
      )}
      <ChannelOrder
        legend="Channels, tried in this order (none ticked: the workspace's order from Settings)"
        choice={choice}
        onChange={(next) => setPicked({ order: [...next.order, ...missing], used: next.used })}
      >
        {missing.length > 0 && (
          <p className="muted small">
            {missing.map((c) => CHANNEL_NAMES[c]).join(' and ')} {missing.length === 1 ? 'is' : 'are'} not set
            up on this server (docs/configuration.md names the settings).
          </p>
        )}
      </ChannelOrder>
      <div>
        <button type="submit" className="primary">
          Send code
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}

export function Verifications() {
  const { role } = useSession();
  const filter = useUrlFilters(['status', 'to'] as const);
  const number = useTypedFilter(filter.values.to, (value) => filter.set('to', value));
  const drawer = useDrawerParam('verification');
  const list = usePagedList('/v1/verifications', filter.values);
  // Bumped after a send or a change, so the figures follow the list.
  const [changes, setChanges] = useState(0);
  return (
    <>
      <h1>Verifications</h1>
      {can(role, 'verify') && (
        <SendCode
          onSent={(v) => {
            void list.reload();
            setChanges((n) => n + 1);
            drawer.open(v.id);
          }}
        />
      )}
      <VerificationStats changes={changes} />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter verifications">
        <label>
          Status
          <select
            name="status"
            value={filter.values.status}
            onChange={(e) => filter.set('status', e.target.value)}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'max_attempts_reached' ? 'too many wrong codes' : s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Number
          <input
            name="to"
            type="tel"
            placeholder="+15551234567"
            value={number.draft}
            onChange={(e) => number.setDraft(e.target.value)}
          />
        </label>
      </form>
      <ErrorNote message={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title="No verifications">
          One-time codes sent through the API or from here are listed with their channel and outcome.
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <caption className="visually-hidden">Verifications, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((v) => (
                <tr key={v.id}>
                  <td>{formatDateTime(v.createdAt)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => drawer.open(v.id)}>
                      {v.to}
                    </button>
                  </td>
                  <td>{v.channel ?? '—'}</td>
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} more={list.more} onMore={list.loadMore} />
      {drawer.id && (
        <VerificationDrawer
          id={drawer.id}
          onClose={drawer.close}
          onChange={() => {
            void list.reload();
            setChanges((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
