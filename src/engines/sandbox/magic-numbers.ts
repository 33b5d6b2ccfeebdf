import { EngineSendError } from '../engine.js';

/**
 * Recipients with scripted outcomes (docs/api.md, "Magic numbers"), so every failure path of the message
 * lifecycle can be demonstrated and tested without a real phone.
 */
export const MAGIC_NUMBERS = {
  notOnWhatsApp: '+15555550101',
  sendFails: '+15555550102',
  neverDelivered: '+15555550103',
  neverRead: '+15555550104',
} as const;

export type SandboxReceipt = 'sent' | 'delivered' | 'read';

/** The last receipt a message to `to` ever gets; any ordinary number is read. */
export function lastReceiptFor(to: string): SandboxReceipt {
  if (to === MAGIC_NUMBERS.neverDelivered) return 'sent';
  if (to === MAGIC_NUMBERS.neverRead) return 'delivered';
  return 'read';
}

/** Refuses a send the way WhatsApp would for the magic recipients that never get a message. */
export function refuseMagicRecipient(to: string): void {
  if (to === MAGIC_NUMBERS.notOnWhatsApp) {
    throw new EngineSendError('RECIPIENT_NOT_ON_WHATSAPP', `${to} is not on WhatsApp (sandbox)`);
  }
  if (to === MAGIC_NUMBERS.sendFails)
    throw new EngineSendError('SEND_FAILED', `Sending to ${to} fails (sandbox)`);
}
