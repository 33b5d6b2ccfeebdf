/**
 * How messages and receipts travel between devices. A `<message>` names each recipient device
 * (`<participants><to jid=…>`, or one `<enc>` for the device `to` names) and is fanned out, each
 * copy addressed the way the chat was (phone number, or LID with `sender_pn`); copies for the
 * sender's own devices name the chat they went to. Receipts go to every device of the sender's
 * account, retry requests to the device that sent.
 */
import type { BinaryNode } from 'baileys';
import type { SubmitOptions, WaServerCore } from './core.js';
import { child, children, elements, node, unixNow } from './nodes.js';
import type { Device } from './registry.js';

export function routeMessage(
  core: WaServerCore,
  from: Device,
  stanza: BinaryNode,
  options: SubmitOptions,
): void {
  const { id, to, type } = stanza.attrs;
  if (!id || !to) return core.log.event(from.pnJid, 'message without id or to');
  ack(from, node('ack', { class: 'message', id, from: to, t: unixNow() }));
  const chat = core.registry.resolve(to);
  if (!chat) return core.log.event(from.pnJid, `message ${id} to ${to}: nobody has that JID`);
  const viaLid = chat.viaLid;
  const targets: Array<{ device: Device | undefined; jid: string; encs: BinaryNode[] }> = [];
  const participants = child(stanza, 'participants');
  if (participants) {
    for (const item of children(participants, 'to')) {
      const jid = item.attrs.jid ?? '';
      targets.push({ device: core.registry.resolve(jid)?.device, jid, encs: children(item, 'enc') });
    }
  } else {
    // Peer messages and retries carry one <enc> for the device `to` names.
    targets.push({ device: chat.device ?? chat.account.primary, jid: to, encs: children(stanza, 'enc') });
  }
  const identity = child(stanza, 'device-identity');
  const t = unixNow();
  for (const target of targets) {
    if (!target.device || target.device.removed) {
      core.log.event(from.pnJid, `message ${id}: no device ${target.jid}`);
      continue;
    }
    const ownDevice = target.device.account === from.account;
    const attrs: Record<string, string | undefined> = {
      from: viaLid ? from.lidJid : from.pnJid,
      id,
      t,
      type: type ?? 'text',
      category: stanza.attrs.category,
      notify: from.account.pushName,
    };
    if (ownDevice) {
      // A copy of our own message for another of our devices names the chat it went to.
      if (chat.account !== from.account) attrs.recipient = viaLid ? chat.account.lidJid : chat.account.pnJid;
    } else if (viaLid && !options.withoutSenderPn) {
      attrs.sender_pn = from.account.pnJid;
    }
    const content = [...target.encs, ...(identity ? [identity] : [])];
    core.deliver(target.device, node('message', attrs, content), options.holdUntilReconnect ?? false);
  }
}

export function routeReceipt(core: WaServerCore, from: Device, stanza: BinaryNode): void {
  const { id, to, type } = stanza.attrs;
  if (!id || !to) return;
  ack(from, node('ack', { class: 'receipt', id, from: to, ...(type ? { type } : {}) }));
  // Receipts about our own devices' activity, history and peer messages stay with us.
  if (type === 'sender' || type === 'peer_msg' || type === 'hist_sync' || type === 'read-self') return;
  const target = core.registry.resolve(to);
  if (!target || target.account === from.account) return;
  const forwardedType = type === 'inactive' ? undefined : type;
  // A retry request (the recipient could not decrypt) goes to the device that sent the message,
  // with what it needs to send again: the <retry> details and the requester's registration id.
  const retry = type === 'retry';
  const content = retry ? elements(stanza) : child(stanza, 'list') ? [child(stanza, 'list')!] : undefined;
  const devices = retry && target.device ? [target.device] : target.account.activeDevices();
  for (const device of devices) {
    const attrs = {
      from: target.viaLid ? from.account.lidJid : from.account.pnJid,
      id,
      t: stanza.attrs.t ?? unixNow(),
      ...(forwardedType ? { type: forwardedType } : {}),
    };
    core.deliver(device, node('receipt', attrs, content));
  }
}

/** Server acks go only to a device listening now; nobody queues an ack. */
function ack(to: Device, stanza: BinaryNode): void {
  if (to.kind === 'companion' && to.sink) to.sink(stanza);
}
