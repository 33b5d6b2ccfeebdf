import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { ContactDrawer } from '../components/ContactDrawer';
import { LoadMore } from '../components/LoadMore';
import { Empty, ErrorNote, Loading } from '../components/Notice';
import { formatDateTime } from '../format';
import { useDrawerParam } from '../hooks/useDrawerParam';
import { usePagedList } from '../hooks/usePagedList';
import { useUrlFilters } from '../hooks/useUrlFilters';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';

function CheckNumber() {
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const phone = String(new FormData(event.currentTarget).get('phone'));
    setError(null);
    setAnswer(null);
    try {
      const result = await api.post('/v1/contacts/check', { body: { phone } });
      setAnswer(`${result.phone} is ${result.onWhatsApp ? '' : 'not '}on WhatsApp.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="check-title">
      <h2 id="check-title">Is a number on WhatsApp?</h2>
      <label>
        Phone number
        <input name="phone" type="tel" required placeholder="+15551234567" />
      </label>
      <button type="submit">Check</button>
      {answer && <p role="status">{answer}</p>}
      <ErrorNote message={error} />
    </form>
  );
}

export function Contacts() {
  const { role } = useSession();
  const filter = useUrlFilters(['optedOut'] as const);
  const optedOut = filter.values.optedOut;
  const drawer = useDrawerParam('phone');
  const list = usePagedList('/v1/contacts', { optedOut });
  const canEdit = can(role, 'messages');
  return (
    <>
      <h1>Contacts</h1>
      {canEdit && <CheckNumber />}
      <div className="filters">
        <label>
          Show
          <select value={optedOut} onChange={(e) => filter.set('optedOut', e.target.value)}>
            <option value="">Everyone</option>
            <option value="true">Opted out only</option>
            <option value="false">Not opted out</option>
          </select>
        </label>
      </div>
      <ErrorNote message={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title="No contacts yet">People you message or who write to you are listed here.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="list">
            <caption className="visually-hidden">Contacts</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Name</th>
                <th scope="col">Last wrote</th>
                <th scope="col">Opted out</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.phone}>
                  <td>
                    <button type="button" className="link" onClick={() => drawer.open(c.phone)}>
                      {c.phone}
                    </button>
                  </td>
                  <td>{c.displayName ?? '—'}</td>
                  <td>{c.lastInboundAt ? formatDateTime(c.lastInboundAt) : '—'}</td>
                  <td>{c.optedOut ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasMore} more={list.more} onMore={list.loadMore} />
      {drawer.id && (
        <OpenContact
          phone={drawer.id}
          canEdit={canEdit}
          onClose={drawer.close}
          onChange={() => void list.reload()}
        />
      )}
    </>
  );
}

/** The contact named in the address, loaded on its own so a shared link opens it. */
function OpenContact({
  phone,
  canEdit,
  onClose,
  onChange,
}: {
  phone: string;
  canEdit: boolean;
  onClose: () => void;
  onChange: () => void;
}) {
  const contact = useResource(() => api.get('/v1/contacts/{phone}', { path: { phone } }), phone);
  if (contact.error) return <ErrorNote message={contact.error} />;
  if (!contact.data || contact.data.phone !== phone) return null;
  return (
    <ContactDrawer
      key={phone}
      contact={contact.data}
      canEdit={canEdit}
      onClose={onClose}
      onChange={onChange}
    />
  );
}
