import type { InboundOutcome } from './handle-inbound.js';

declare module '../events/bus.js' {
  interface Topics {
    /** What became of each inbound message (dashboards and tests follow it). */
    'inbound.handled': InboundOutcome;
  }
}
