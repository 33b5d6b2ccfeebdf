/**
 * `usync` queries: is a number on WhatsApp (contact), which devices does a user have (devices),
 * and what is a user's LID (lid). The answer lists each queried user with one child per protocol.
 */
import type { BinaryNode } from 'baileys';
import { child, children, elements, node, textOf } from './nodes.js';
import type { Account, Registry } from './registry.js';

export function usyncResult(registry: Registry, iq: BinaryNode): BinaryNode {
  const usync = child(iq, 'usync');
  const protocols = elements(child(usync, 'query')).map((p) => p.tag);
  const users = children(child(usync, 'list'), 'user').map((user) => {
    let jid = user.attrs.jid;
    let account: Account | undefined;
    let viaLid = false;
    if (jid) {
      const resolved = registry.resolve(jid);
      account = resolved?.account;
      viaLid = resolved?.viaLid ?? false;
    } else {
      // Looked up by phone number: <contact>+15551234567</contact>.
      const phone = textOf(user, 'contact')?.replace(/\D/g, '');
      if (phone) {
        jid = `${phone}@s.whatsapp.net`;
        account = registry.account(phone);
      }
    }
    const onWhatsApp = !!account && account.onWhatsApp;
    const results: BinaryNode[] = [];
    for (const protocol of protocols) {
      if (protocol === 'contact') results.push(node('contact', { type: onWhatsApp ? 'in' : 'out' }));
      if (protocol === 'devices') results.push(devicesNode(onWhatsApp ? account : undefined));
      if (protocol === 'lid' && onWhatsApp && account && !viaLid)
        results.push(node('lid', { val: account.lidJid }));
    }
    return node('user', { jid: jid ?? '' }, results);
  });
  return node(
    'usync',
    {
      sid: usync?.attrs.sid,
      index: '0',
      last: 'true',
      mode: usync?.attrs.mode,
      context: usync?.attrs.context,
    },
    [node('list', {}, users)],
  );
}

function devicesNode(account: Account | undefined): BinaryNode {
  const devices = account?.activeDevices() ?? [];
  return node('devices', {}, [
    node(
      'device-list',
      {},
      devices.map((d) =>
        node('device', { id: String(d.id), ...(d.id ? { 'key-index': String(d.keyIndex) } : {}) }),
      ),
    ),
    ...(account
      ? [node('key-index-list', { ts: String(Math.floor(Date.now() / 1000)) }, Buffer.alloc(0))]
      : []),
  ]);
}
