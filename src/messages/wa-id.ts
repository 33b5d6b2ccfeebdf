import { createHash } from 'node:crypto';

/**
 * The WhatsApp message id for one of our messages: derived, not random, so a hand-off retried
 * after a crash is the same WhatsApp message (the phone de-duplicates it) rather than a second one.
 * Shaped like WhatsApp Web's own ids (3EB0 + uppercase hex).
 */
export function waMessageIdFor(messageId: string): string {
  return '3EB0' + createHash('sha256').update(messageId).digest('hex').slice(0, 20).toUpperCase();
}
