import { useState, type FormEvent } from 'react';
import { LoadMore } from '../components/LoadMore';
import { MessageDrawer } from '../components/MessageDrawer';
import { MessageMedia } from '../components/MessageMedia';
import { Empty, ErrorNote, Loading } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { useDevices } from '../devices';
import { formatDateTime, preview } from '../format';
import { usePagedList } from '../hooks/usePagedList';
import { useLiveEvent } from '../live';
import type { Message } from '../api';

const STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'expired',
  'canceled',
  'received',
];
const FIELDS = ['status', 'direction', 'to', 'deviceId'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

const matches = (m: Message, f: Filters) =>
  (!f.status || m.status === f.status) &&
  (!f.direction || m.direction === f.direction) &&
  (!f.deviceId || m.deviceId === f.deviceId) &&
  (!f.to || (m.to ?? m.from ?? '').includes(f.to.replace(/[^\d+]/g, '')));
// (A live message matches a partial number the way the server does: the digits appear in it.)

export function Messages() {
  const { devices } = useDevices();
  const [filters, setFilters] = useState<Filters>({ status: '', direction: '', to: '', deviceId: '' });
  const [openId, setOpenId] = useState<string | null>(null);
  const log = usePagedList('/v1/messages', filters);

  // Receipts update rows in place; new messages go on top when they match the filters.
  useLiveEvent('message', (incoming) => {
    log.update((page) => {
      if (!page) return page;
      if (page.data.some((m) => m.id === incoming.id)) {
        return { ...page, data: page.data.map((m) => (m.id === incoming.id ? { ...m, ...incoming } : m)) };
      }
      const newest = page.data[0];
      const isNew = !newest || incoming.id > newest.id;
      return isNew && matches(incoming, filters) ? { ...page, data: [incoming, ...page.data] } : page;
    });
  });

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '').trim()]));
    setFilters(next as Filters);
  };
  const filtered = Object.values(filters).some((v) => v !== '');

  return (
    <>
      <h1>Messages</h1>
      <form className="filters" onSubmit={applyFilters} aria-label="Filter messages">
        <label>
          Status
          <select name="status" defaultValue="">
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Direction
          <select name="direction" defaultValue="">
            <option value="">In and out</option>
            <option value="out">Outbound</option>
            <option value="in">Inbound</option>
          </select>
        </label>
        <label>
          Number <span className="muted">(or part of it)</span>
          <input name="to" type="tel" placeholder="5557 or +1555…" />
        </label>
        <label>
          Device
          <select name="deviceId" defaultValue="">
            <option value="">Any</option>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <ErrorNote message={log.error} />
      {!log.data ? (
        !log.error && <Loading />
      ) : log.items.length === 0 ? (
        <Empty title={filtered ? 'No message matches these filters' : 'No messages yet'}>
          Messages you send and receive appear here as they happen.
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="list messages stack">
            <caption className="visually-hidden">Message log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Number</th>
                <th scope="col">Content</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((m) => (
                <tr key={m.id}>
                  <td className="cell-when">{formatDateTime(m.createdAt)}</td>
                  <td className="nowrap">
                    <span className="direction" aria-label={m.direction === 'out' ? 'to' : 'from'}>
                      {m.direction === 'out' ? '→' : '←'}
                    </span>{' '}
                    {m.direction === 'out' ? m.to : m.from}
                  </td>
                  <td>
                    {m.media && <MessageMedia media={m.media} compact />}
                    <button type="button" className="link" onClick={() => setOpenId(m.id)}>
                      {preview(m.body, 60) || (m.media ? `(${m.media.type})` : '(empty)')}
                    </button>
                  </td>
                  <td>
                    <StatusBadge status={m.status} />
                    {m.error && <span className="muted small"> {m.error.code}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={log.hasMore} more={log.more} onMore={log.loadMore} label="Load older messages" />
      {openId && <MessageDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
