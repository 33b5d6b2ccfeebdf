declare module '../events/bus.js' {
  interface Topics {
    /** Wakes the delivery worker without an event (a retry or a test was queued). */
    'webhooks.wake': null;
  }
}

export {};
