import { useEffect, useMemo, useRef, useState } from 'react';
import { api, urlOf, type Message } from '../api';
import { useSession } from '../auth';
import { LoadMore } from '../components/LoadMore';
import { MessageDrawer } from '../components/MessageDrawer';
import { MessageMedia } from '../components/MessageMedia';
import { Empty, ErrorNote, Loading } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { useDevices } from '../devices';
import { formatDateTime, formatNumber, preview } from '../format';
import { usePagedList } from '../hooks/usePagedList';
import { useResource } from '../hooks/useResource';
import { useLiveEvent, useLiveOpened } from '../live';
import { furtherMessage } from '../message-progress';
import { can } from '../roles';
import { navigate, useSearch } from '../router';
import { BulkActions } from './messages/BulkActions';
import {
  FILTER_NAMES,
  isFiltered,
  matches,
  queryOf,
  searchOf,
  sourceLabel,
  SOURCES,
  STATUSES,
  viewFrom,
  type FilterName,
  type LogView,
} from './messages/log-query';

/** Typing settles for this long before a text filter applies. */
const TYPING_PAUSE_MS = 350;

/** Messages seen over the live stream that the log keeps, to show over an older load. */
const SEEN_LIVE_KEPT = 500;

export function Messages() {
  const { role } = useSession();
  const { devices } = useDevices();
  const search = useSearch();
  const view = useMemo(() => viewFrom(search), [search]);
  const filters = useMemo(
    () => Object.fromEntries(FILTER_NAMES.map((name) => [name, view[name]])) as Record<FilterName, string>,
    [view],
  );
  const query = useMemo(() => queryOf(filters), [filters]);
  const queryKey = urlOf('', {}, query);

  // Every change is a new entry in the history: Back undoes a filter or closes the drawer. The
  // address is read now, not from this render: a text filter applies after a pause, and must not
  // undo a choice made in between.
  const show = (change: Partial<LogView>) =>
    navigate(window.location.pathname + searchOf({ ...viewFrom(window.location.search), ...change }));

  const log = usePagedList('/v1/messages', query as Record<string, string>);
  // A receipt can arrive while the log is loading: it then finds no row to update, and the load
  // answers with the older status. The messages seen live are kept and shown over what a load
  // says whenever they are further along.
  const seenLive = useRef(new Map<string, Message>());
  const items = log.items.map((m) => furtherMessage(m, seenLive.current.get(m.id)));
  const count = useResource(() => api.get('/v1/messages/count', { query }), queryKey);

  // The text fields apply once typing pauses; Back (or a shared link) puts the address's value back.
  const [draft, setDraft] = useState({ to: view.to, q: view.q });
  useEffect(() => setDraft({ to: view.to, q: view.q }), [view.to, view.q]);
  useEffect(() => {
    if (draft.to === view.to && draft.q === view.q) return;
    const timer = setTimeout(() => show({ to: draft.to.trim(), q: draft.q.trim() }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // Only typing starts the pause (`show` reads the address when it runs).
  }, [draft]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setSelected(new Set()), [queryKey]);
  const toggle = (id: string) =>
    setSelected((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const selectable = can(role, 'messages');
  const allSelected = items.length > 0 && items.every((m) => selected.has(m.id));

  // Receipts update rows in place; new messages go on top when they match the filters.
  useLiveEvent('message', (incoming) => {
    const seen = seenLive.current;
    seen.set(incoming.id, furtherMessage(incoming, seen.get(incoming.id)));
    // Only the latest matter (a load races the receipts of the moment): the oldest go first.
    if (seen.size > SEEN_LIVE_KEPT) seen.delete(seen.keys().next().value!);
    log.update((page) => {
      if (!page) return page;
      if (page.data.some((m) => m.id === incoming.id)) {
        return {
          ...page,
          data: page.data.map((m) => (m.id === incoming.id ? furtherMessage(m, incoming) : m)),
        };
      }
      const newest = page.data[0];
      const isNew = !newest || incoming.id > newest.id;
      return isNew && matches(incoming, filters) ? { ...page, data: [incoming, ...page.data] } : page;
    });
  });

  // New messages and receipts of a time the stream was closed were never seen: the first page is
  // loaded again (pages loaded with "more" go; the rows above them are what changed).
  useLiveOpened(() => {
    void log.reload();
    void count.reload();
  });

  const deviceName = (id: string | null) =>
    devices.find((d) => d.id === id)?.name ?? (id ? 'Deleted device' : '—');
  const filtered = isFiltered(filters);
  const total = count.data;

  return (
    <>
      <h1>Messages</h1>
      <form
        className="filters log-filters"
        aria-label="Filter messages"
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          Search text
          <input
            type="search"
            name="q"
            maxLength={100}
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </label>
        <label>
          Number
          <input
            name="to"
            type="tel"
            placeholder="5557 or +1555…"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </label>
        <label>
          Status
          <select
            name="status"
            value={view.status}
            onChange={(event) => show({ status: event.target.value })}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Direction
          <select
            name="direction"
            value={view.direction}
            onChange={(event) => show({ direction: event.target.value })}
          >
            <option value="">In and out</option>
            <option value="out">Outbound</option>
            <option value="in">Inbound</option>
          </select>
        </label>
        <label>
          Source
          <select
            name="source"
            value={view.source}
            onChange={(event) => show({ source: event.target.value })}
          >
            <option value="">Any</option>
            {SOURCES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Device
          <select
            name="deviceId"
            value={view.deviceId}
            onChange={(event) => show({ deviceId: event.target.value })}
          >
            <option value="">Any</option>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From day
          <input
            type="date"
            name="since"
            value={view.since}
            max={view.until || undefined}
            onChange={(event) => show({ since: event.target.value })}
          />
        </label>
        <label>
          To day
          <input
            type="date"
            name="until"
            value={view.until}
            min={view.since || undefined}
            onChange={(event) => show({ until: event.target.value })}
          />
        </label>
        {filtered && (
          <button
            type="button"
            onClick={() => show(Object.fromEntries(FILTER_NAMES.map((name) => [name, ''])))}
          >
            Clear filters
          </button>
        )}
      </form>
      <div className="log-summary">
        <p className="muted" role="status" aria-live="polite">
          {total
            ? `${formatNumber(total.total)}${total.capped ? '+' : ''} ${total.total === 1 ? 'message' : 'messages'}${filtered ? ' match' : ''}`
            : ''}
        </p>
        <a href={urlOf('/v1/messages/export.csv', {}, query)} download>
          Export CSV
        </a>
      </div>
      {selectable && (
        <BulkActions
          selected={items.filter((m) => selected.has(m.id))}
          onDone={() => {
            setSelected(new Set());
            void log.reload();
            void count.reload();
          }}
        />
      )}
      <ErrorNote message={log.error} />
      {!log.data ? (
        !log.error && <Loading />
      ) : items.length === 0 ? (
        <Empty title={filtered ? 'No message matches these filters' : 'No messages yet'}>
          Messages you send and receive appear here as they happen.
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="list messages stack">
            <caption className="visually-hidden">Message log, newest first</caption>
            <thead>
              <tr>
                {selectable && (
                  <th scope="col" className="cell-select">
                    <input
                      type="checkbox"
                      aria-label="Select every message on this page"
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((m) => m.id)))}
                    />
                  </th>
                )}
                <th scope="col">When</th>
                <th scope="col">Number</th>
                <th scope="col">Content</th>
                <th scope="col">Device</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m: Message) => {
                const text = preview(m.body, 60) || (m.media ? `(${m.media.type})` : '(empty)');
                return (
                  <tr key={m.id}>
                    {selectable && (
                      <td className="cell-select">
                        <input
                          type="checkbox"
                          aria-label={`Select: ${text}`}
                          checked={selected.has(m.id)}
                          onChange={() => toggle(m.id)}
                        />
                      </td>
                    )}
                    <td className="cell-when">{formatDateTime(m.createdAt)}</td>
                    <td className="nowrap">
                      <span className="direction" aria-label={m.direction === 'out' ? 'to' : 'from'}>
                        {m.direction === 'out' ? '→' : '←'}
                      </span>{' '}
                      {m.direction === 'out' ? m.to : m.from}
                    </td>
                    <td>
                      {m.media && <MessageMedia media={m.media} compact />}
                      <button type="button" className="link" onClick={() => show({ message: m.id })}>
                        {text}
                      </button>
                    </td>
                    <td className="cell-meta">{deviceName(m.deviceId)}</td>
                    <td className="cell-meta">{sourceLabel(m.source)}</td>
                    <td>
                      <StatusBadge status={m.status} />
                      {m.error && <span className="muted small"> {m.error.code}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={log.hasMore} more={log.more} onMore={log.loadMore} label="Load older messages" />
      {view.message && (
        <MessageDrawer
          id={view.message}
          onClose={() => show({ message: '' })}
          onOpen={(id) => show({ message: id })}
        />
      )}
    </>
  );
}
