import type { Conversation } from '../../api';
import { formatSince, preview } from '../../format';
import { Link } from '../../router';

export function ConversationList({
  items,
  selectedId,
  memberName,
}: {
  items: Conversation[];
  selectedId: string | null;
  memberName: (userId: string) => string;
}) {
  return (
    <ul className="conversation-list" aria-label="Conversations">
      {items.map((c) => (
        <li key={c.id}>
          <Link
            href={`/inbox/${c.id}`}
            className={c.id === selectedId ? 'conversation selected' : 'conversation'}
            aria-current={c.id === selectedId ? 'true' : undefined}
          >
            <span className="conversation-head">
              <span className="conversation-name">{c.contactName ?? c.phone}</span>
              {c.lastMessage && <span className="muted">{formatSince(c.lastMessage.at)}</span>}
            </span>
            <span className="conversation-preview">
              {c.lastMessage?.direction === 'out' ? 'You: ' : ''}
              {preview(c.lastMessage?.preview ?? null, 60) || '(no text)'}
            </span>
            <span className="conversation-meta">
              <span className={`pill status-${c.status}`}>{c.status}</span>
              {c.assigneeId && <span className="muted">→ {memberName(c.assigneeId)}</span>}
              {c.unreadCount > 0 && (
                <span className="unread">
                  <span aria-hidden="true">{c.unreadCount}</span>
                  <span className="visually-hidden">{c.unreadCount} unread</span>
                </span>
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
