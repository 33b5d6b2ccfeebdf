/** Where a sandbox engine is in its life; 'stopped' is also where a new engine begins. */
export type SandboxLinkState =
  'stopped' | 'starting' | 'waiting_for_scan' | 'connecting' | 'connected' | 'disconnected';

/** A phone is linked in these, online or not, so it can remove the device. */
export const LINKED_STATES: ReadonlySet<SandboxLinkState> = new Set([
  'connecting',
  'connected',
  'disconnected',
]);
