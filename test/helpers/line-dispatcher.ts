import type { BurstOutcome, Engine, SendTextInput } from '../../src/engines/engine.js';
import { Dispatcher } from '../../src/messages/dispatcher.js';
import { Pacer } from '../../src/messages/pacer.js';
import type { TestApp } from './app.js';
import { idleSandboxDevice } from './sandbox.js';

const UNPACED = { minIntervalMs: 0, jitterMs: 0, perMinute: null, perDay: null, presence: false };

/** The phone's side of a line as the dispatcher sees it: what it calls for a text message. */
export interface TextLine {
  lookup(phone: string): Promise<{ onWhatsApp: boolean; jid?: string }>;
  sendText(input: SendTextInput): Promise<{ waMessageId: string; jid: string }>;
  /** Given, the line takes a claimed burst in one call (Engine.sendTexts). */
  sendTexts?(inputs: SendTextInput[]): Promise<BurstOutcome[]>;
}

/**
 * A dispatcher of its own, not started, for an idle sandbox device whose WhatsApp side is `line`:
 * unpaced, holding the device's lease, connected while `isConnected` says so.
 */
export async function lineDispatcher(
  t: TestApp,
  ownNumber: string,
  line: TextLine,
  isConnected: () => boolean = () => true,
): Promise<{ deviceId: string; dispatcher: Dispatcher }> {
  const { deviceId, fence } = await idleSandboxDevice(t, ownNumber);
  const dispatcher = new Dispatcher(t.app.ctx, {
    id: deviceId,
    workspaceId: t.workspaceId,
    // Only what the dispatcher calls for a text message (lookup, sendText, sendTexts) is needed here.
    engine: line as unknown as Engine,
    pacer: new Pacer(() => UNPACED),
    isConnected,
    presence: () => false,
    lease: fence,
    holdsLease: () => true,
  });
  return { deviceId, dispatcher };
}
