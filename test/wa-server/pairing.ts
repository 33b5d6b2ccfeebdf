/**
 * Linking a companion, as the phone and WhatsApp do it together:
 *
 * QR: the QR shows `ref,noiseKey,identityKey,advSecret,platform`. The phone finds the registering
 * connection by its ref, checks the keys are that connection's, signs an ADVDeviceIdentity with its
 * account key, MACs it with the ADV secret and sends it as `pair-success`. The companion checks
 * both, counter-signs (`pair-device-sign`) and is told to restart (stream error 515).
 *
 * Pairing code: the companion wraps an ephemeral key with a key derived from the 8-character code
 * (PBKDF2); the phone, typing the same code, unwraps it, answers with its own wrapped ephemeral key
 * (`primary_hello`), and both derive the ADV secret from the two key agreements; then as above.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  pbkdf2Sync,
  randomBytes,
  randomInt,
} from 'node:crypto';
import { Curve, proto } from 'baileys';
import type { KeyPair } from 'baileys';
import type { ClientConnection, Registration } from './connection.js';
import type { WaServerCore } from './core.js';
import { bytesOf, child, node, SERVER_JID, unixNow } from './nodes.js';
import type { Account, Device } from './registry.js';
import { verifies } from './signatures.js';

const ACCOUNT_SIG_PREFIX = Buffer.from([6, 0]);
const DEVICE_SIG_PREFIX = Buffer.from([6, 1]);

export interface ParsedQr {
  ref: string;
  noiseKey: Buffer;
  identityKey: Buffer;
  advSecret: Buffer;
  platform: string;
}

/** Reads what a phone's camera reads from the QR (`https://wa.me/settings/linked_devices#…` or bare). */
export function parseQr(qr: string): ParsedQr {
  const data = qr.includes('#') ? qr.slice(qr.indexOf('#') + 1) : qr;
  const [ref, noise, identity, adv, platform] = data.split(',');
  if (!ref || !noise || !identity || !adv) throw new Error(`not a WhatsApp link QR: ${qr.slice(0, 40)}…`);
  return {
    ref,
    noiseKey: Buffer.from(noise, 'base64'),
    identityKey: Buffer.from(identity, 'base64'),
    advSecret: Buffer.from(adv, 'base64'),
    platform: platform ?? '',
  };
}

/** Sends `pair-success`, checks the companion's counter-signature, then asks it to restart. */
export async function completeLink(
  core: WaServerCore,
  account: Account,
  accountKey: KeyPair,
  conn: ClientConnection,
  registration: Registration,
  advSecret: Buffer,
): Promise<Device> {
  const device = account.addCompanion();
  const details = Buffer.from(
    proto.ADVDeviceIdentity.encode({
      rawId: randomInt(1, 2 ** 31),
      timestamp: Math.floor(Date.now() / 1000),
      keyIndex: device.keyIndex,
    }).finish(),
  );
  const accountSignature = Curve.sign(
    accountKey.private,
    Buffer.concat([ACCOUNT_SIG_PREFIX, details, registration.identity]),
  );
  const signed = Buffer.from(
    proto.ADVSignedDeviceIdentity.encode({
      details,
      accountSignatureKey: accountKey.public,
      accountSignature,
    }).finish(),
  );
  const hmac = createHmac('sha256', advSecret).update(signed).digest();
  const container = proto.ADVSignedDeviceIdentityHMAC.encode({ details: signed, hmac }).finish();
  const answer = await conn.request(
    node('iq', { from: SERVER_JID, type: 'set', id: randomBytes(6).toString('hex') }, [
      node('pair-success', {}, [
        node('device-identity', {}, container),
        node('platform', { name: 'android' }),
        node('device', { jid: device.pnJid, lid: device.lidJid }),
      ]),
    ]),
  );
  const signedBack = bytesOf(child(answer, 'pair-device-sign'), 'device-identity');
  if (answer.attrs.type !== 'result' || !signedBack) {
    account.devices.delete(device.id);
    throw new Error(`companion refused the link: ${answer.attrs.type}`);
  }
  const identity = proto.ADVSignedDeviceIdentity.decode(signedBack);
  const deviceSignature = identity.deviceSignature;
  const deviceMessage = Buffer.concat([DEVICE_SIG_PREFIX, details, registration.identity, accountKey.public]);
  if (!deviceSignature || !verifies(registration.identity, deviceMessage, deviceSignature)) {
    account.devices.delete(device.id);
    throw new Error('companion device signature does not verify');
  }
  device.noiseKey = registration.noiseKey;
  device.platform = registration.platform;
  device.linkedAt = Number(unixNow());
  device.keys = {
    registrationId: registration.registrationId,
    identity: registration.identity,
    signedPreKey: registration.signedPreKey,
    preKeys: new Map(),
  };
  core.log.event(conn.who, `linked as ${device.pnJid}; asking for a restart (515)`);
  conn.registration = undefined;
  conn.streamError({ code: '515' });
  return device;
}

// ── pairing code crypto ──────────────────────────────────────────────────────────────────────

const CODE_ITERATIONS = 2 << 16;

function codeKey(code: string, salt: Buffer): Buffer {
  return pbkdf2Sync(Buffer.from(code, 'utf8'), salt, CODE_ITERATIONS, 32, 'sha256');
}

function ctr(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-ctr', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

/** Unwraps the companion's ephemeral key with the typed code: salt(32) iv(16) ciphertext(32). */
export function unwrapWithCode(code: string, wrapped: Buffer): Buffer {
  return ctr(codeKey(code, wrapped.subarray(0, 32)), wrapped.subarray(32, 48), wrapped.subarray(48, 80));
}

export function wrapWithCode(code: string, key: Uint8Array): Buffer {
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  return Buffer.concat([salt, iv, ctr(codeKey(code, salt), iv, Buffer.from(key))]);
}

function hkdf32(ikm: Buffer, salt: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info), 32));
}

/**
 * The primary's side of `companion_finish`: decrypts the companion's key bundle (which fails
 * when the code typed was wrong) and derives the ADV secret both sides now share.
 */
export function advSecretFromCodeExchange(input: {
  companionEphemeral: Buffer;
  primaryEphemeral: KeyPair;
  accountKey: KeyPair;
  wrappedKeyBundle: Buffer;
  companionIdentity: Buffer;
}): Buffer {
  const { companionEphemeral, primaryEphemeral, accountKey, wrappedKeyBundle, companionIdentity } = input;
  const shared = Curve.sharedKey(primaryEphemeral.private, companionEphemeral);
  const key = hkdf32(shared, wrappedKeyBundle.subarray(0, 32), 'link_code_pairing_key_bundle_encryption_key');
  const iv = wrappedKeyBundle.subarray(32, 44);
  const sealed = wrappedKeyBundle.subarray(44);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  let bundle: Buffer;
  try {
    bundle = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new Error('the code typed on the phone does not match the companion');
  }
  if (
    !bundle.subarray(0, 32).equals(companionIdentity) ||
    !bundle.subarray(32, 64).equals(Buffer.from(accountKey.public))
  ) {
    throw new Error('pairing key bundle names other keys');
  }
  const random = bundle.subarray(64, 96);
  const identityShared = Curve.sharedKey(accountKey.private, companionIdentity);
  return hkdf32(Buffer.concat([shared, identityShared, random]), Buffer.alloc(0), 'adv_secret');
}
