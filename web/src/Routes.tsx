import { useEffect, useRef, type ReactElement } from 'react';
import { Empty } from './components/Notice';
import { ApiKeys } from './pages/ApiKeys';
import { AuditLog } from './pages/AuditLog';
import { AutoReplies } from './pages/AutoReplies';
import { Compose } from './pages/Compose';
import { Contacts } from './pages/Contacts';
import { Devices } from './pages/Devices';
import { Inbox } from './pages/Inbox';
import { Messages } from './pages/Messages';
import { Overview } from './pages/Overview';
import { Settings } from './pages/Settings';
import { Team } from './pages/Team';
import { Templates } from './pages/Templates';
import { Verifications } from './pages/Verifications';
import { Webhooks } from './pages/Webhooks';
import { Link, usePath } from './router';

const PAGES: Array<{ prefix: string; title: string; render: (rest: string) => ReactElement }> = [
  { prefix: '/devices', title: 'Devices', render: (rest) => <Devices selectedId={rest || null} /> },
  { prefix: '/inbox', title: 'Inbox', render: (rest) => <Inbox selectedId={rest || null} /> },
  { prefix: '/messages', title: 'Messages', render: () => <Messages /> },
  { prefix: '/compose', title: 'Compose', render: () => <Compose /> },
  { prefix: '/templates', title: 'Templates', render: () => <Templates /> },
  { prefix: '/verifications', title: 'Verifications', render: () => <Verifications /> },
  { prefix: '/webhooks', title: 'Webhooks', render: () => <Webhooks /> },
  { prefix: '/auto-replies', title: 'Auto-replies', render: () => <AutoReplies /> },
  { prefix: '/contacts', title: 'Contacts', render: () => <Contacts /> },
  { prefix: '/api-keys', title: 'API keys', render: () => <ApiKeys /> },
  { prefix: '/team', title: 'Team', render: () => <Team /> },
  { prefix: '/audit-log', title: 'Audit log', render: () => <AuditLog /> },
  { prefix: '/settings', title: 'Settings', render: () => <Settings /> },
];

export function Routes() {
  const path = usePath();
  const page = PAGES.find((p) => path === p.prefix || path.startsWith(`${p.prefix}/`));
  const title = path === '/' ? 'Overview' : (page?.title ?? 'Not found');
  const shown = useRef(path);
  useEffect(() => {
    // Moving focus to the new page tells screen readers the view changed; a fresh load starts at
    // the top of the document, as any page does.
    if (shown.current === path) return;
    shown.current = path;
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);
  useEffect(() => {
    document.title = `${title} · WAPing`;
  }, [title]);
  if (path === '/') return <Overview />;
  if (!page) {
    return (
      <Empty title="This page does not exist">
        <Link href="/">Back to the overview</Link>
      </Empty>
    );
  }
  return page.render(path.slice(page.prefix.length + 1));
}
