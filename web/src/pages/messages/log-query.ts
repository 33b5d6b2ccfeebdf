import type { paths } from '../../../../packages/api-types/openapi';
import type { Message, MessageStatus } from '../../api';

// The Messages page keeps its filters and its open message in the address, so a view can be
// shared, reloaded and stepped through with Back. The address holds what a person chose (dates as
// days); the API query is derived from it.

export const STATUSES: MessageStatus[] = [
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
export const SOURCES: Array<{ value: string; label: string }> = [
  { value: 'api', label: 'API' },
  { value: 'dashboard', label: 'Dashboard' },
  { value: 'auto_reply', label: 'Auto-reply' },
  { value: 'verification', label: 'Verification' },
  { value: 'inbound', label: 'Inbound' },
];
export const sourceLabel = (source: string) => SOURCES.find((s) => s.value === source)?.label ?? source;

export const FILTER_NAMES = [
  'status',
  'direction',
  'source',
  'deviceId',
  'to',
  'q',
  'since',
  'until',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Record<FilterName, string>;
/** The filters and the message open in the drawer (`message`), as the address has them. */
export type LogView = Filters & { message: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The view an address describes; values the page does not offer are dropped, not sent. */
export function viewFrom(search: string): LogView {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(name)?.trim() ?? '';
  const oneOf = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
  const day = (value: string) => (DAY.test(value) ? value : '');
  return {
    status: oneOf(get('status'), STATUSES),
    direction: oneOf(get('direction'), ['in', 'out']),
    source: oneOf(
      get('source'),
      SOURCES.map((s) => s.value),
    ),
    deviceId: get('deviceId'),
    to: get('to'),
    q: get('q'),
    since: day(get('since')),
    until: day(get('until')),
    message: /^msg_\w+$/.test(get('message')) ? get('message') : '',
  };
}

/** The address of a view: only what is set, in a stable order. */
export function searchOf(view: LogView): string {
  const params = new URLSearchParams();
  for (const name of [...FILTER_NAMES, 'message'] as const) if (view[name]) params.set(name, view[name]);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export type LogQuery = NonNullable<paths['/v1/messages/count']['get']['parameters']['query']>;

/** Midnight starting a day, in the viewer's time zone, as the API's date-time. */
const startOfDay = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

/** The API's filters for a view: the "to" day is included (the API's `until` is exclusive). */
export function queryOf(f: Filters): LogQuery {
  const query: LogQuery = {};
  if (f.status) query.status = f.status as LogQuery['status'];
  if (f.direction) query.direction = f.direction as LogQuery['direction'];
  if (f.source) query.source = f.source as LogQuery['source'];
  if (f.deviceId) query.deviceId = f.deviceId;
  if (f.to) query.to = f.to;
  if (f.q) query.q = f.q;
  if (f.since) query.since = startOfDay(f.since);
  if (f.until) query.until = startOfDay(f.until, 1);
  return query;
}

export const isFiltered = (f: Filters) => FILTER_NAMES.some((name) => f[name] !== '');

/** Whether a message arriving live belongs in the list, judged as the server would. */
export function matches(m: Message, f: Filters): boolean {
  const q = queryOf(f);
  return (
    (!q.status || m.status === q.status) &&
    (!q.direction || m.direction === q.direction) &&
    (!q.source || m.source === q.source) &&
    (!q.deviceId || m.deviceId === q.deviceId) &&
    // A partial number matches when its digits appear in the number, as on the server.
    (!q.to || (m.to ?? m.from ?? '').includes(q.to.replace(/[^\d+]/g, ''))) &&
    (!q.q || (m.body ?? '').toLowerCase().includes(q.q.toLowerCase())) &&
    (!q.since || m.createdAt >= q.since) &&
    (!q.until || m.createdAt < q.until)
  );
}
