import type { InboundMedia } from '../engine.js';
import type { SandboxLinkState } from './link-state.js';

/** A running sandbox engine as the hub drives it, playing the phone's and the customers' part. */
export interface SimulatedDevice {
  readonly deviceId: string;
  readonly linkState: SandboxLinkState;
  /** The phone scanned the QR or confirmed the pairing code. */
  completeLink(phone: string): Promise<void>;
  /** A customer wrote; returns the WhatsApp id of the message. */
  receiveInbound(from: string, text: string, media?: InboundMedia): string;
  dropConnection(reason: string, reconnectAfterMs?: number): void;
  removeFromPhone(): Promise<void>;
}
