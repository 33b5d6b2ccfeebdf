import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage, getAll, type Conversation, type ConversationNote, type Message } from '../../api';
import { formatDateTime, formatTime } from '../../format';
import { useLiveEvent, useLiveOpened } from '../../live';
import { furthest } from '../../message-progress';
import { MessageMedia } from '../MessageMedia';
import { ErrorNote, Loading } from '../Notice';

const MAX_PAGES = 10;

/** Every message of the thread (up to MAX_PAGES × 100), oldest first. */
async function loadThread(id: string): Promise<Message[]> {
  return (await getAll('/v1/conversations/{id}/messages', {}, { path: { id }, maxPages: MAX_PAGES })).items;
}

/** The thread's notes (up to MAX_PAGES × 100), oldest first. */
async function loadNotes(id: string): Promise<ConversationNote[]> {
  return (await getAll('/v1/conversations/{id}/notes', {}, { path: { id }, maxPages: MAX_PAGES })).items;
}

type Entry =
  { kind: 'message'; at: string; message: Message } | { kind: 'note'; at: string; note: ConversationNote };

const TICKS: Partial<Record<Message['status'], { mark: string; label: string }>> = {
  queued: { mark: '🕓', label: 'Queued' },
  sending: { mark: '🕓', label: 'Sending' },
  sent: { mark: '✓', label: 'Sent' },
  delivered: { mark: '✓✓', label: 'Delivered' },
  read: { mark: '✓✓', label: 'Read' },
  failed: { mark: '!', label: 'Failed' },
  expired: { mark: '!', label: 'Expired' },
  canceled: { mark: '×', label: 'Canceled' },
};

const dayOf = (iso: string) => new Date(iso).toDateString();

function pushName(message: Message): string | null {
  const name = message.metadata?.pushName;
  return typeof name === 'string' ? name : null;
}

function Bubble({ message }: { message: Message }) {
  const tick = message.direction === 'out' ? TICKS[message.status] : undefined;
  const automated =
    message.source === 'verification'
      ? 'Verification code'
      : message.source === 'auto_reply'
        ? 'Auto-reply'
        : null;
  return (
    <div className={`bubble ${message.direction === 'in' ? 'bubble-in' : 'bubble-out'}`}>
      {message.direction === 'in' && pushName(message) && (
        <span className="bubble-name">{pushName(message)}</span>
      )}
      {automated && <span className="bubble-tag">{automated}</span>}
      {message.media && <MessageMedia media={message.media} />}
      {(message.body || !message.media) && <span className="bubble-text">{message.body ?? '(erased)'}</span>}
      <span className="bubble-meta">
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {tick && (
          <span
            className={`tick tick-${message.status}`}
            title={tick.label}
            role="img"
            aria-label={tick.label}
          >
            {tick.mark}
          </span>
        )}
      </span>
    </div>
  );
}

function NoteForm({ conversationId, onAdded }: { conversationId: string; onAdded: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get('note') ?? '');
    if (!body.trim()) return;
    try {
      await api.post('/v1/conversations/{id}/notes', { path: { id: conversationId }, body: { body } });
      form.reset();
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)}>
      <label>
        Internal note (the customer never sees it)
        <input name="note" maxLength={4096} />
      </label>
      <button type="submit">Add note</button>
      <ErrorNote message={error} />
    </form>
  );
}

/** The chat: messages both ways and the team's notes, by time, with day separators; live. */
export function Thread({ conversation, canWrite }: { conversation: Conversation; canWrite: boolean }) {
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [notes, setNotes] = useState<ConversationNote[]>([]);
  const [error, setError] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const id = conversation.id;

  // A receipt can arrive over the live stream while a reload is in flight: the reload then answers
  // with the older status, and the event found no bubble to update. Statuses seen live are kept and
  // merged into every load, and an older load that lands after a newer one is dropped.
  const liveStatus = useRef(new Map<string, Message['status']>());
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const [loaded, loadedNotes] = await Promise.all([loadThread(id), loadNotes(id)]);
      if (mine !== generation.current) return;
      setMessages(
        loaded.map((m) => {
          const status = furthest(m.status, liveStatus.current.get(m.id));
          return status === m.status ? m : { ...m, status };
        }),
      );
      setNotes(loadedNotes);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    setMessages(null);
    liveStatus.current.clear();
    void reload();
  }, [reload]);
  useLiveOpened(() => void reload());
  useLiveEvent('conversation', (change) => {
    if (change.conversation.id === id && change.kind !== 'read' && change.kind !== 'updated') void reload();
  });
  useLiveEvent('message', (message) => {
    liveStatus.current.set(message.id, furthest(message.status, liveStatus.current.get(message.id)));
    setMessages(
      (current) =>
        current?.map((m) =>
          m.id === message.id ? { ...m, status: furthest(m.status, message.status) } : m,
        ) ?? null,
    );
  });
  const count = (messages?.length ?? 0) + notes.length;
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  if (error) return <ErrorNote message={error} />;
  if (!messages) return <Loading what="Loading the conversation" />;
  const entries: Entry[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  let lastDay = '';
  return (
    <>
      <ol className="thread" aria-label="Messages and notes">
        {entries.map((entry) => {
          const day = dayOf(entry.at);
          const separator = day !== lastDay;
          lastDay = day;
          return (
            <li key={entry.kind === 'message' ? entry.message.id : entry.note.id}>
              {separator && <p className="thread-day">{formatDateTime(entry.at).split(',')[0]}</p>}
              {entry.kind === 'message' ? (
                <Bubble message={entry.message} />
              ) : (
                <div className="note">
                  <span className="bubble-name">Note · {entry.note.authorName ?? 'API'}</span>
                  <span className="bubble-text">{entry.note.body ?? '(erased)'}</span>
                  <time dateTime={entry.note.createdAt} className="bubble-meta">
                    {formatTime(entry.note.createdAt)}
                  </time>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div ref={end} />
      {canWrite && <NoteForm conversationId={id} onAdded={() => void reload()} />}
    </>
  );
}
