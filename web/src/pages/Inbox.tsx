import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage, type Conversation } from '../api';
import { useAuth, useSession } from '../auth';
import { browserAllowsNotifications, notifyNewMessage, setFaviconBadge } from '../components/inbox/attention';
import { Composer } from '../components/inbox/Composer';
import { ConversationList } from '../components/inbox/ConversationList';
import { Thread } from '../components/inbox/Thread';
import { Empty, ErrorNote, Loading } from '../components/Notice';
import { useResource } from '../hooks/useResource';
import { useLiveEvent, useLiveOpened } from '../live';
import { can } from '../roles';
import { Link, navigate } from '../router';

const FILTERS = [
  { key: 'mine', label: 'Mine', query: { assignee: 'me' } },
  { key: 'unassigned', label: 'Unassigned', query: { assignee: 'none' } },
  { key: 'open', label: 'Open', query: { status: 'open' } },
  { key: 'pending', label: 'Pending', query: { status: 'pending' } },
  { key: 'resolved', label: 'Resolved', query: { status: 'resolved' } },
] as const;
type FilterKey = (typeof FILTERS)[number]['key'];

/** Typing in a field must not trigger the inbox's one-letter shortcuts. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function Inbox({ selectedId }: { selectedId: string | null }) {
  const { user, role } = useSession();
  const canWrite = can(role, 'messages');
  const canAssignAnyone = role === 'owner' || role === 'admin';
  const [filter, setFilter] = useState<FilterKey>('open');
  const [search, setSearch] = useState('');
  const [withCodes, setWithCodes] = useState(false);
  const auth = useAuth();
  const notify = auth.state?.settings?.inboxNotifications ?? false;
  const [actionError, setActionError] = useState<string | null>(null);
  const [notifyError, setNotifyError] = useState<string | null>(null);
  const query = FILTERS.find((f) => f.key === filter)!.query;
  const list = useResource(
    () =>
      api.get('/v1/conversations', {
        query: {
          ...query,
          limit: 100,
          ...(search ? { q: search } : {}),
          ...(withCodes ? { includeOtpOnly: true } : {}),
        },
      }),
    `${filter}|${search}|${withCodes}`,
  );
  const team = useResource(
    () =>
      canAssignAnyone
        ? api.get('/v1/team', { query: { limit: 100 } })
        : Promise.resolve({ data: [], nextCursor: null }),
    `team-${canAssignAnyone}`,
  );
  const memberName = useCallback(
    (userId: string) => {
      if (userId === user.id) return 'you';
      const member = team.data?.data.find((m) => m.id === userId);
      return member ? (member.name ?? member.email) : 'a teammate';
    },
    [team.data, user.id],
  );
  const selected = useResource<Conversation | null>(
    () =>
      selectedId ? api.get('/v1/conversations/{id}', { path: { id: selectedId } }) : Promise.resolve(null),
    selectedId ?? '',
  );
  const conversation = selected.data ?? null;

  useLiveEvent('conversation', (change) => {
    const c = change.conversation;
    if (c.id === selectedId) selected.update(() => c);
    void list.reload();
    if (change.kind === 'message_in' && (c.assigneeId === null || c.assigneeId === user.id))
      notifyNewMessage(c, notify);
  });
  useLiveOpened(() => {
    void list.reload();
    void selected.reload();
  });

  // Reading a conversation clears its unread count for the team.
  useEffect(() => {
    if (!conversation || conversation.unreadCount === 0 || !canWrite) return;
    void api
      .post('/v1/conversations/{id}/read', { path: { id: conversation.id } })
      .then((read) => selected.update(() => read))
      .catch(() => undefined);
  }, [conversation, canWrite, selected]);

  // The opt-in is saved with the member; turning it on first needs this browser's permission.
  const changeNotify = async (on: boolean) => {
    setNotifyError(null);
    if (on && !(await browserAllowsNotifications())) {
      setNotifyError('This browser does not allow notifications for this site.');
      return;
    }
    try {
      const settings = await api.patch('/auth/settings', { body: { inboxNotifications: on } });
      if (auth.state) auth.accept({ ...auth.state, settings });
    } catch (err) {
      setNotifyError(errorMessage(err));
    }
  };

  const unreadForMe = useMemo(
    () =>
      (list.data?.data ?? [])
        .filter((c) => c.assigneeId === null || c.assigneeId === user.id)
        .reduce((sum, c) => sum + c.unreadCount, 0),
    [list.data, user.id],
  );
  useEffect(() => {
    setFaviconBadge(unreadForMe);
    return () => setFaviconBadge(0);
  }, [unreadForMe]);

  const change = useCallback(
    async (body: { status?: Conversation['status']; assigneeId?: string | null }) => {
      if (!conversation) return;
      setActionError(null);
      try {
        const updated = await api.patch('/v1/conversations/{id}', { path: { id: conversation.id }, body });
        selected.update(() => updated);
        void list.reload();
      } catch (err) {
        setActionError(errorMessage(err));
      }
    },
    [conversation, selected, list],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const items = list.data?.data ?? [];
      const at = items.findIndex((c) => c.id === selectedId);
      if (event.key === 'j' || event.key === 'k') {
        const next = items[event.key === 'j' ? at + 1 : Math.max(at - 1, 0)];
        if (next) navigate(`/inbox/${next.id}`);
      } else if (event.key === 'e' && canWrite && conversation) {
        void change({ status: 'resolved' });
      } else if (event.key === 'a' && canWrite && conversation) {
        void change({ assigneeId: 'me' });
      } else {
        return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [list.data, selectedId, canWrite, conversation, change]);

  const counts = list.data?.counts;
  return (
    <>
      <h1>Inbox</h1>
      <div className={selectedId ? 'inbox thread-open' : 'inbox'}>
        <section className="inbox-list" aria-label="Filters and conversations">
          <div className="inbox-tabs" role="group" aria-label="Show">
            {FILTERS.map((f) => (
              <button
                key={f.key}
                type="button"
                aria-pressed={filter === f.key}
                onClick={() => setFilter(f.key)}
              >
                {f.label}
                {counts && f.key in counts ? ` (${counts[f.key as keyof typeof counts]})` : ''}
              </button>
            ))}
          </div>
          <div className="inbox-search">
            <label>
              Search
              <input
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder="Name, number or text"
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={withCodes} onChange={(e) => setWithCodes(e.target.checked)} />
              Show code-only threads
            </label>
            <label className="check">
              <input type="checkbox" checked={notify} onChange={(e) => void changeNotify(e.target.checked)} />
              Notify me of new messages
            </label>
          </div>
          <ErrorNote message={notifyError} />
          <ErrorNote message={list.error} />
          {!list.data ? (
            <Loading />
          ) : list.data.data.length === 0 ? (
            <Empty title="No conversations here">Customer messages to your lines show up in the inbox.</Empty>
          ) : (
            <ConversationList items={list.data.data} selectedId={selectedId} memberName={memberName} />
          )}
          <p className="muted shortcuts">Shortcuts: j / k next and previous, e resolve, a assign to me.</p>
        </section>
        <section className="inbox-thread" aria-label="Conversation">
          {!selectedId ? (
            <Empty title="Pick a conversation">Its messages and notes appear here.</Empty>
          ) : selected.error ? (
            <ErrorNote message={selected.error} />
          ) : !conversation ? (
            <Loading />
          ) : (
            <>
              <header className="thread-head">
                <Link href="/inbox" className="thread-back">
                  ← All conversations
                </Link>
                <h2>{conversation.contactName ?? conversation.phone}</h2>
                <p className="muted">
                  {conversation.phone} · {conversation.status}
                  {conversation.assigneeId
                    ? ` · assigned to ${memberName(conversation.assigneeId)}`
                    : ' · unassigned'}
                  {' · '}
                  <Link href={`/contacts?phone=${encodeURIComponent(conversation.phone)}`}>Contact</Link>
                </p>
                {canWrite && (
                  <div className="thread-actions">
                    {conversation.assigneeId !== user.id ? (
                      <button type="button" onClick={() => void change({ assigneeId: 'me' })}>
                        Assign to me
                      </button>
                    ) : (
                      <button type="button" onClick={() => void change({ assigneeId: null })}>
                        Unassign
                      </button>
                    )}
                    {canAssignAnyone && (
                      <label>
                        Assignee
                        <select
                          value={conversation.assigneeId ?? ''}
                          onChange={(e) => void change({ assigneeId: e.target.value || null })}
                        >
                          <option value="">Nobody</option>
                          {team.data?.data.map((m) => (
                            <option key={m.id} value={m.id}>
                              {m.name ?? m.email}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    {conversation.status !== 'resolved' ? (
                      <button type="button" onClick={() => void change({ status: 'resolved' })}>
                        Resolve
                      </button>
                    ) : (
                      <button type="button" onClick={() => void change({ status: 'open' })}>
                        Reopen
                      </button>
                    )}
                    {conversation.status === 'open' && (
                      <button type="button" onClick={() => void change({ status: 'pending' })}>
                        Mark pending
                      </button>
                    )}
                  </div>
                )}
                <ErrorNote message={actionError} />
              </header>
              <Thread conversation={conversation} canWrite={canWrite} />
              {canWrite && <Composer conversationId={conversation.id} onSent={() => void list.reload()} />}
            </>
          )}
        </section>
      </div>
    </>
  );
}
