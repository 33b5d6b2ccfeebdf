/** The clock, injectable so tests can pin "now" (business hours, month boundaries). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** `YYYY-MM` in UTC: the usage period a moment belongs to. */
export function monthPeriod(date: Date): string {
  return date.toISOString().slice(0, 7);
}
