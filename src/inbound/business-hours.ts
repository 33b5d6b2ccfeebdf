export interface BusinessHours {
  /** IANA zone, like "America/Sao_Paulo". */
  timeZone: string;
  /** ISO weekdays the line is staffed: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** "HH:MM" local time; `end` before `start` spans midnight (a night shift). */
  start: string;
  end: string;
  /** Sent instead of the rule's reply outside the hours; without it the rule stays silent then. */
  awayReply?: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone: it throws a RangeError for names it does not. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The ISO weekday and minute of the day at `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: number; minute: number } {
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAYS[part('weekday')] ?? 1, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  const { day, minute } = localTime(at, hours.timeZone);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const days = new Set(hours.days);
  if (start < end) return days.has(day) && minute >= start && minute < end;
  // Overnight: the evening belongs to today's shift, the small hours to yesterday's.
  const yesterday = day === 1 ? 7 : day - 1;
  return (days.has(day) && minute >= start) || (days.has(yesterday) && minute < end);
}
