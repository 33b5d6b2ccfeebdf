import type { Message } from './api';

export const OUTCOMES = ['read', 'delivered', 'sent', 'pending', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface DayStats {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  label: string;
  counts: Record<Outcome, number>;
  total: number;
}

/** Where a message ended up, in the five groups the chart shows. */
export function outcomeOf(status: Message['status']): Outcome {
  switch (status) {
    case 'read':
      return 'read';
    case 'delivered':
      return 'delivered';
    case 'sent':
      return 'sent';
    case 'failed':
    case 'expired':
    case 'canceled':
      return 'failed';
    default:
      return 'pending';
  }
}

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The start of the day `days - 1` days before today: where a `days`-long chart begins. */
export function windowStart(days: number, now = new Date()): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  start.setDate(start.getDate() - (days - 1));
  return start;
}

/** Outbound messages per day and outcome, oldest day first, every day present even when empty. */
export function dailyStats(messages: Message[], days: number, now = new Date()): DayStats[] {
  const start = windowStart(days, now);
  const label = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric' });
  const out: DayStats[] = [];
  for (let i = 0; i < days; i++) {
    const date = new Date(start);
    date.setDate(start.getDate() + i);
    out.push({
      day: localDay(date),
      label: label.format(date),
      counts: { read: 0, delivered: 0, sent: 0, pending: 0, failed: 0 },
      total: 0,
    });
  }
  const byDay = new Map(out.map((d) => [d.day, d]));
  for (const message of messages) {
    if (message.direction !== 'out') continue;
    const stats = byDay.get(localDay(new Date(message.createdAt)));
    if (!stats) continue;
    stats.counts[outcomeOf(message.status)] += 1;
    stats.total += 1;
  }
  return out;
}

/** Delivered (or read) among messages whose fate is known; null when there are none yet. */
export function deliveryRate(days: DayStats[]): number | null {
  let delivered = 0;
  let settled = 0;
  for (const d of days) {
    delivered += d.counts.read + d.counts.delivered;
    settled += d.total - d.counts.pending;
  }
  return settled === 0 ? null : delivered / settled;
}
