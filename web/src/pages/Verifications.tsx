import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { useCapabilities } from '../capabilities';
import { LoadMore } from '../components/LoadMore';
import { Empty, ErrorNote, Loading } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { VerificationDrawer } from '../components/VerificationDrawer';
import { formatDateTime } from '../format';
import { usePagedList } from '../hooks/usePagedList';
import { can } from '../roles';
import type { Channel, Verification } from '../api';

const STATUSES = ['pending', 'approved', 'canceled', 'expired', 'max_attempts_reached', 'failed'];
const CHANNELS: Channel[] = ['whatsapp', 'sms', 'email'];
const CHANNEL_NAMES: Record<Channel, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' };

function SendCode({ onSent }: { onSent: (v: Verification) => void }) {
  const [error, setError] = useState<string | null>(null);
  const capabilities = useCapabilities();
  // Only channels the server can use are offered; WhatsApp always is.
  const offered = CHANNELS.filter((c) => capabilities?.channels[c] ?? c === 'whatsapp');
  const missing = CHANNELS.filter((c) => !offered.includes(c));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    // The checkboxes offer the API's channels only; the server validates whatever arrives.
    const channels = form.getAll('channels').map(String) as Channel[];
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
      <fieldset>
        <legend>Channels, tried in this order (none ticked: WhatsApp)</legend>
        {offered.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" name="channels" value={c} /> {CHANNEL_NAMES[c]}
          </label>
        ))}
        {missing.length > 0 && (
          <p className="muted small">
            {missing.map((c) => CHANNEL_NAMES[c]).join(' and ')} {missing.length === 1 ? 'is' : 'are'} not set
            up on this server (docs/configuration.md names the settings).
          </p>
        )}
      </fieldset>
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
  const [filters, setFilters] = useState({ status: '', to: '' });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedList('/v1/verifications', filters);
  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({ status: String(form.get('status') ?? ''), to: String(form.get('to') ?? '').trim() });
  };
  return (
    <>
      <h1>Verifications</h1>
      {can(role, 'verify') && (
        <SendCode
          onSent={(v) => {
            void list.reload();
            setOpenId(v.id);
          }}
        />
      )}
      <form className="filters" onSubmit={applyFilters} aria-label="Filter verifications">
        <label>
          Status
          <select name="status" defaultValue="">
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
          <input name="to" type="tel" placeholder="+15551234567" />
        </label>
        <button type="submit">Apply filters</button>
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
                    <button type="button" className="link" onClick={() => setOpenId(v.id)}>
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
      {openId && (
        <VerificationDrawer id={openId} onClose={() => setOpenId(null)} onChange={() => void list.reload()} />
      )}
    </>
  );
}
