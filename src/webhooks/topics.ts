declare module '../events/bus.js' {
  interface Topics {
    /** Wakes the delivery worker without an event (a retry or a test was queued). */
    'webhooks.wake': null;
    /** An endpoint of this workspace was created or changed: forget what is remembered of it. */
    'webhooks.endpoints': string;
  }
}

export {};
