import type { MessageRow } from './tables.js';

export const dispatchTopic = (deviceId: string) => `dispatch:${deviceId}` as const;

declare module '../events/bus.js' {
  interface Topics {
    /** Every message change, as its row (the dashboard's live log). */
    messages: MessageRow;
    /** Wakes the dispatcher of a device: a message (this id) was queued for it. */
    [topic: `dispatch:${string}`]: string;
  }
}
