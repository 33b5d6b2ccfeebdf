import { useState, type ReactNode } from 'react';
import { useSession } from '../auth';
import { can } from '../roles';
import { Link, usePath } from '../router';
import { DeviceBanner } from './DeviceBanner';
import { ThemeToggle } from './ThemeToggle';

export const NAV: Array<{ href: string; label: string; adminOnly?: boolean }> = [
  { href: '/', label: 'Overview' },
  { href: '/devices', label: 'Devices' },
  { href: '/inbox', label: 'Inbox' },
  { href: '/messages', label: 'Messages' },
  { href: '/compose', label: 'Compose' },
  { href: '/templates', label: 'Templates' },
  { href: '/verifications', label: 'Verifications' },
  { href: '/webhooks', label: 'Webhooks' },
  { href: '/auto-replies', label: 'Auto-replies' },
  { href: '/contacts', label: 'Contacts' },
  { href: '/api-keys', label: 'API keys' },
  { href: '/team', label: 'Team' },
  // Agents and viewers cannot read it: no link to a page that only says so.
  { href: '/audit-log', label: 'Audit log', adminOnly: true },
  { href: '/settings', label: 'Settings' },
];

const isCurrent = (path: string, href: string) => (href === '/' ? path === '/' : path.startsWith(href));

export function Layout({ children }: { children: ReactNode }) {
  const path = usePath();
  const { user, workspace, role, logout } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          WAPing
        </Link>
        <span className="workspace" title="Workspace and plan">
          {workspace.name} · {workspace.plan}
        </span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <span className="whoami">
          {user.name ?? user.email} <span className="muted">({role})</span>
        </span>
        <ThemeToggle />
        <button type="button" onClick={() => void logout()}>
          Sign out
        </button>
      </header>
      <nav id="nav" className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label="Main">
        <ul>
          {NAV.filter((item) => !item.adminOnly || can(role, 'admin')).map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent(path, item.href) ? 'page' : undefined}
                onClick={() => setMenuOpen(false)}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <DeviceBanner />
        {children}
      </main>
    </div>
  );
}
