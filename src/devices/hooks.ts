import type { LeaseFence } from '../cluster/leases.js';
import type { Engine, EngineEvents } from '../engines/engine.js';
import type { Pacing } from './pacing.js';

/** A running device as its dispatcher sees it. */
export interface DispatchTarget {
  id: string;
  workspaceId: string;
  engine: Engine;
  isConnected(): boolean;
  /** The device's pacing as it is now (a PATCH changes it while the device runs). */
  pacing(): Pacing;
  /** The lease the device runs under here: claims of its messages carry it. */
  lease: LeaseFence;
  /** Whether, by this node's own clock, the lease is still surely ours (see LeaseKeeper.valid). */
  holdsLease(): boolean;
}

/** Hands a device's queued messages to its engine while the device runs on this node. */
export interface DeviceDispatcher {
  start(): Promise<void>;
  /** There may be something to send now (the device just connected). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * What the supervisor does with a device's traffic, given to it by the composition root (app.ts,
 * the CLI): the devices feature sits below messages and inbound and imports neither.
 */
export interface DeviceHooks {
  createDispatcher(target: DispatchTarget): Promise<DeviceDispatcher>;
  /**
   * Delivery receipts for messages the device sent, to apply in the order given. Resolves once
   * they are applied, with one error for each receipt that could not be.
   */
  onReceipts(deviceId: string, receipts: Array<EngineEvents['message_status']>): Promise<unknown[]>;
  /** A customer wrote to the device's line. */
  onInbound(device: { id: string; workspaceId: string }, payload: EngineEvents['inbound']): Promise<void>;
  /** The text of a message the device sent, when WhatsApp asks for it again. */
  messageText(deviceId: string, waMessageId: string): Promise<string | undefined>;
  /** The device was logged out: what waited in its queue can no longer be sent. */
  onLoggedOut(deviceId: string): Promise<void>;
  /** The node stops: work still waiting to be tried again gives up. */
  close(): void;
}
