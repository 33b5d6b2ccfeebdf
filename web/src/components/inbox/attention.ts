import type { Conversation } from '../../api';

/**
 * Telling a member about a new customer message while the tab is in the background: a browser
 * notification (when they opted in on the Inbox page and the browser allows it) and a count on
 * the favicon. The opt-in is a setting of the member on the server (`inboxNotifications`), so it
 * follows them from one browser to the next; each browser still asks for its own permission.
 */

/** Asks the browser for permission when turning notifications on; false when it is refused. */
export async function browserAllowsNotifications(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  return permission === 'granted';
}

export function notifyNewMessage(conversation: Conversation, wanted: boolean): void {
  if (!wanted || typeof Notification === 'undefined') return;
  if (Notification.permission !== 'granted' || document.visibilityState === 'visible') return;
  const who = conversation.contactName ?? conversation.phone;
  new Notification(`New message from ${who}`, {
    body: conversation.lastMessage?.preview ?? '',
    tag: conversation.id,
  });
}

let original: string | null = null;

/** Draws `count` on the favicon (nothing when 0), keeping the page's own icon underneath. */
export function setFaviconBadge(count: number): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
  if (!link) return;
  original ??= link.href;
  if (count === 0) {
    link.href = original;
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 32;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = new Image();
  image.onload = () => {
    context.drawImage(image, 0, 0, 32, 32);
    context.fillStyle = '#b3261e';
    context.beginPath();
    context.arc(22, 10, 10, 0, 2 * Math.PI);
    context.fill();
    context.fillStyle = '#ffffff';
    context.font = 'bold 14px sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(count > 9 ? '9+' : String(count), 22, 11);
    link.href = canvas.toDataURL('image/png');
  };
  image.src = original;
}
