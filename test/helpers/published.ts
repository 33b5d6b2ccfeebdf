import type { WapingEvent } from '../../src/events/types.js';
import type { TestApp } from './app.js';

/**
 * The events `t` published that `pick` keeps, in order, their data as a webhook receiver reads it
 * (through JSON). Only an event a webhook may want has a row in `events`; the bus carries all.
 */
export function publishedEvents(
  t: TestApp,
  pick: (event: WapingEvent) => boolean = () => true,
): WapingEvent[] {
  return t.published
    .filter(pick)
    .map((event) => ({ ...event, data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown> }));
}
