const LABELS: Record<string, string> = {
  logged_out: 'logged out',
  qr: 'waiting for scan',
  max_attempts_reached: 'too many attempts',
  timed_out: 'timed out',
};

const TONE: Record<string, string> = {
  connected: 'good',
  read: 'good',
  delivered: 'good',
  succeeded: 'good',
  approved: 'good',
  received: 'info',
  sent: 'info',
  qr: 'info',
  connecting: 'info',
  queued: 'neutral',
  sending: 'neutral',
  pending: 'neutral',
  unlinked: 'neutral',
  canceled: 'neutral',
  disconnected: 'bad',
  logged_out: 'bad',
  failed: 'bad',
  expired: 'warn',
  timed_out: 'warn',
  skipped: 'neutral',
  max_attempts_reached: 'bad',
};

/** A status word with a colour that is never the only signal: the word is always shown. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${TONE[status] ?? 'neutral'}`}>{LABELS[status] ?? status}</span>;
}
