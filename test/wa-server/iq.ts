/**
 * The iq (request/response) stanzas a companion sends, by namespace. Anything not handled is
 * answered with an error 501 and logged, so a test sees what the client asked that the server
 * does not simulate.
 */
import { createHash, randomBytes } from 'node:crypto';
import { jidDecode } from 'baileys';
import type { BinaryNode } from 'baileys';
import type { ClientConnection } from './connection.js';
import type { WaServerCore } from './core.js';
import {
  bytesOf,
  child,
  children,
  elements,
  iqError,
  iqResult,
  node,
  textOf,
  uintBytes,
  uintOf,
} from './nodes.js';
import { digits, type Device, type KeyBundle } from './registry.js';
import { usyncResult } from './usync.js';
import { verifies } from './signatures.js';

/** Devices keep topping up above this many one-time pre-keys. */
const LOW_PRE_KEYS = 5;

export async function handleIq(core: WaServerCore, conn: ClientConnection, iq: BinaryNode): Promise<void> {
  const xmlns = iq.attrs.xmlns;
  const first = elements(iq)[0];
  const reply = (content?: BinaryNode[]) => conn.send(iqResult(iq, content));
  switch (xmlns) {
    case 'w:p': // keep-alive ping
    case 'w:stats':
    case 'urn:xmpp:whatsapp:dirty':
      return reply();
    case 'passive':
      reply();
      if (first?.tag === 'active') core.activate(conn);
      return;
    case 'encrypt':
      return encrypt(core, conn, iq);
    case 'usync':
      return reply([usyncResult(core.registry, iq)]);
    case 'md':
      return md(core, conn, iq);
    case 'abt':
      return reply([node('props', { protocol: '1', hash: 'loopback' }, [])]);
    case 'privacy':
      if (iq.attrs.type === 'get') {
        const categories = ['last', 'online', 'profile', 'status', 'groupadd', 'readreceipts', 'calladd'];
        return reply([
          node(
            'privacy',
            {},
            categories.map((name) => node('category', { name, value: 'all' })),
          ),
        ]);
      }
      return reply(first?.tag === 'tokens' ? [node('tokens', {}, [])] : undefined);
    case 'blocklist':
      return reply([node('list', {}, [])]);
    case 'w:sync:app:state':
      // Every app-state collection exists and is empty: nothing to download, nothing to apply.
      return reply([
        node(
          'sync',
          {},
          children(first, 'collection').map((c) =>
            node('collection', { name: c.attrs.name, version: c.attrs.version ?? '0' }),
          ),
        ),
      ]);
    case 'w:m':
      if (first?.tag === 'media_conn' && core.mediaHost) {
        return reply([
          node('media_conn', { auth: randomBytes(16).toString('base64url'), ttl: '300', auth_ttl: '21600' }, [
            node('host', { hostname: core.mediaHost }),
          ]),
        ]);
      }
      break;
    case 'w:profile:picture':
      return conn.send(iqError(iq, 404, 'item-not-found'));
  }
  core.log.event(
    conn.who,
    `unhandled iq xmlns=${xmlns ?? '-'} type=${iq.attrs.type ?? '-'} ${first?.tag ?? ''}`,
  );
  conn.send(iqError(iq, 501, 'feature-not-implemented'));
}

// ── encrypt: pre-keys and key bundles ────────────────────────────────────────────────────────

function encrypt(core: WaServerCore, conn: ClientConnection, iq: BinaryNode): void {
  const first = elements(iq)[0];
  const device = conn.device;
  if (iq.attrs.type === 'get' && first?.tag === 'key')
    return conn.send(iqResult(iq, [keyBundles(core, first)]));
  if (!device) return conn.send(iqError(iq, 401, 'not-authorized'));
  if (iq.attrs.type === 'get' && first?.tag === 'count') {
    return conn.send(iqResult(iq, [node('count', { value: String(device.keys?.preKeys.size ?? 0) })]));
  }
  if (iq.attrs.type === 'get' && first?.tag === 'digest') return conn.send(iqResult(iq, [digest(device)]));
  if (iq.attrs.type === 'set' && first?.tag === 'rotate') {
    const signed = readSignedPreKey(child(first, 'skey'), device.keys?.identity);
    if (!signed || !device.keys) return conn.send(iqError(iq, 406, 'not-acceptable'));
    device.keys.signedPreKey = signed;
    return conn.send(iqResult(iq));
  }
  if (iq.attrs.type === 'set') {
    const registrationId = uintOf(iq, 'registration');
    const identity = bytesOf(iq, 'identity');
    const signed = readSignedPreKey(child(iq, 'skey'), identity);
    if (registrationId === undefined || !identity || !signed) {
      core.log.event(conn.who, 'pre-key upload refused: missing or unsigned keys');
      return conn.send(iqError(iq, 406, 'not-acceptable'));
    }
    const preKeys = device.keys?.identity.equals(identity) ? device.keys.preKeys : new Map<number, Buffer>();
    for (const key of children(child(iq, 'list'), 'key')) {
      const id = uintOf(key, 'id');
      const value = bytesOf(key, 'value');
      if (id !== undefined && value?.length === 32) preKeys.set(id, value);
    }
    device.keys = { registrationId, identity, signedPreKey: signed, preKeys };
    core.log.event(conn.who, `pre-keys uploaded: ${preKeys.size} available`);
    return conn.send(iqResult(iq));
  }
  conn.send(iqError(iq, 501, 'feature-not-implemented'));
}

function readSignedPreKey(skey: BinaryNode | undefined, identity: Buffer | undefined) {
  const id = uintOf(skey, 'id');
  const value = bytesOf(skey, 'value');
  const signature = bytesOf(skey, 'signature');
  if (id === undefined || value?.length !== 32 || !signature || !identity) return undefined;
  // What the server checks too: the signed pre-key really is signed by the identity key.
  if (!verifies(identity, Buffer.concat([Buffer.from([5]), value]), signature)) return undefined;
  return { id, public: value, signature };
}

function bundleNode(jid: string, bundle: KeyBundle): BinaryNode {
  return node('user', { jid }, [
    node('registration', {}, uintBytes(bundle.registrationId, 4)),
    node('type', {}, Buffer.from([5])),
    node('identity', {}, bundle.identity),
    node('skey', {}, [
      node('id', {}, uintBytes(bundle.signedPreKey.id, 3)),
      node('value', {}, bundle.signedPreKey.public),
      node('signature', {}, bundle.signedPreKey.signature),
    ]),
    ...(bundle.preKey
      ? [
          node('key', {}, [
            node('id', {}, uintBytes(bundle.preKey.id, 3)),
            node('value', {}, bundle.preKey.public),
          ]),
        ]
      : []),
  ]);
}

function keyBundles(core: WaServerCore, request: BinaryNode): BinaryNode {
  const users = children(request, 'user').map((user) => {
    const jid = user.attrs.jid ?? '';
    const device = core.registry.resolve(jid)?.device;
    const bundle = device && !device.removed ? device.takeBundle() : undefined;
    if (!device || !bundle) {
      core.log.event('keys', `no key bundle for ${jid}`);
      return node('user', { jid }, [node('error', { code: '404', text: 'item-not-found' })]);
    }
    if ((device.keys?.preKeys.size ?? 0) < LOW_PRE_KEYS) device.onKeysLow?.();
    return bundleNode(jid, bundle);
  });
  return node('list', {}, users);
}

function digest(device: Device): BinaryNode {
  const keys = device.keys;
  if (!keys) return node('digest', {}, []);
  const ids = [...keys.preKeys.keys()];
  const hash = createHash('sha1');
  hash.update(keys.identity).update(keys.signedPreKey.public).update(keys.signedPreKey.signature);
  for (const id of ids) hash.update(keys.preKeys.get(id)!);
  return node('digest', {}, [
    node('registration', {}, uintBytes(keys.registrationId, 4)),
    node('type', {}, Buffer.from([5])),
    node('identity', {}, keys.identity),
    node('skey', {}, [
      node('id', {}, uintBytes(keys.signedPreKey.id, 3)),
      node('value', {}, keys.signedPreKey.public),
      node('signature', {}, keys.signedPreKey.signature),
    ]),
    node(
      'list',
      {},
      ids.map((id) => node('id', {}, uintBytes(id, 3))),
    ),
    node('hash', {}, hash.digest()),
  ]);
}

// ── md: pairing code and unlinking from the companion side ────────────────────────────────────

function md(core: WaServerCore, conn: ClientConnection, iq: BinaryNode): void {
  const first = elements(iq)[0];
  if (first?.tag === 'link_code_companion_reg') {
    const registration = conn.registration;
    const stage = first.attrs.stage;
    if (!registration) return conn.send(iqError(iq, 400, 'bad-request'));
    if (stage === 'companion_hello') {
      const wrapped = bytesOf(first, 'link_code_pairing_wrapped_companion_ephemeral_pub');
      const phone = first.attrs.jid ? jidDecode(first.attrs.jid)?.user : undefined;
      if (!wrapped || wrapped.length !== 80 || !phone) return conn.send(iqError(iq, 400, 'bad-request'));
      const ref = randomBytes(16).toString('hex');
      registration.code = { phone: digits(phone), wrappedEphemeral: wrapped, ref };
      core.log.event(conn.who, `pairing code requested for ${phone}`);
      return conn.send(
        iqResult(iq, [
          node('link_code_companion_reg', {}, [node('link_code_pairing_ref', {}, Buffer.from(ref))]),
        ]),
      );
    }
    if (stage === 'companion_finish') {
      const wrappedKeyBundle = bytesOf(first, 'link_code_pairing_wrapped_key_bundle');
      const companionIdentity = bytesOf(first, 'companion_identity_public');
      const ref = textOf(first, 'link_code_pairing_ref');
      const code = registration.code;
      if (!wrappedKeyBundle || !companionIdentity || !code || ref !== code.ref) {
        return conn.send(iqError(iq, 400, 'bad-request'));
      }
      conn.send(iqResult(iq));
      code.finish?.({ wrappedKeyBundle, companionIdentity });
      return;
    }
  }
  if (first?.tag === 'remove-companion-device') {
    const device = conn.device;
    if (device) {
      device.removed = true;
      core.log.event(conn.who, `${device.pnJid} unlinked itself`);
    }
    return conn.send(iqResult(iq));
  }
  core.log.event(conn.who, `unhandled md iq ${first?.tag ?? ''}`);
  conn.send(iqError(iq, 501, 'feature-not-implemented'));
}
