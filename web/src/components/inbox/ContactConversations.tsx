import { api } from '../../api';
import { useResource } from '../../hooks/useResource';
import { Link } from '../../router';

/** The contact's conversations (one per line), each a link into the inbox. */
export function ContactConversations({ phone }: { phone: string }) {
  const found = useResource(
    () => api.get('/v1/conversations', { query: { q: phone, includeOtpOnly: true, limit: 20 } }),
    `contact-conversations-${phone}`,
  );
  const mine = found.data?.data.filter((c) => c.phone === phone) ?? [];
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="contact-conversations">
      <h3 id="contact-conversations">Conversations</h3>
      <ul>
        {mine.map((c) => (
          <li key={c.id}>
            <Link href={`/inbox/${c.id}`}>
              {c.status}
              {c.unreadCount > 0 ? `, ${c.unreadCount} unread` : ''} — open in the inbox
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
