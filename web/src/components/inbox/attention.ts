import type { Conversation } from '../../api';

/**
 * Telling a member about a new customer message while the tab is in the background: a browser
 * notification (when they opted in on the Inbox page and the browser allows it) and a count on
 * the favicon. The choice is kept per browser.
 */
const OPT_IN_KEY = 'waping.inbox.notify';

export function notificationsWanted(): boolean {
  return localStorage.getItem(OPT_IN_KEY) === 'on';
}

export async function setNotificationsWanted(on: boolean): Promise<boolean> {
  if (!on) {
    localStorage.removeItem(OPT_IN_KEY);
    return false;
  }
  if (typeof Notification === 'undefined') return false;
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  if (permission !== 'granted') return false;
  localStorage.setItem(OPT_IN_KEY, 'on');
  return true;
}

export function notifyNewMessage(conversation: Conversation): void {
  if (!notificationsWanted() || typeof Notification === 'undefined') return;
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
