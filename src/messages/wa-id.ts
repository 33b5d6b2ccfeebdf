import { createHash } from 'node:crypto';
import { idTime } from '../lib/ids.js';

/**
 * The WhatsApp message id for one of our messages: derived, not random, so a hand-off retried
 * after a crash is the same WhatsApp message (the phone de-duplicates it) rather than a second one.
 * Shaped like WhatsApp Web's own ids (3EB0 + uppercase hex): the message's time, then 64 bits of a
 * hash of its id, which does not give the recipient our message id.
 *
 * The time comes first so that ids sort by time, like the message ids: every new message's entry
 * in the index of WhatsApp ids then goes on the same last page, where hashed ids went on a page of
 * their own each, which every SQLite commit had to write (390 µs a commit of about nine accepted
 * messages, 250 µs with ordered ids, docs/performance.md).
 */
export function waMessageIdFor(messageId: string): string {
  const time = idTime(messageId).toString(16).padStart(12, '0');
  const hash = createHash('sha256').update(messageId).digest('hex').slice(0, 16);
  return `3EB0${time}${hash}`.toUpperCase();
}
