/**
 * The responder side of WhatsApp's transport: Noise_XX_25519_AESGCM_SHA256 behind the intro
 * header `WA` 6 3, every message in a frame with a 3-byte big-endian length.
 *
 * Written from the Noise spec with Node's own crypto (only X25519 comes from Baileys' Curve), not
 * by reusing Baileys' initiator code, so a client bug is not mirrored by the server.
 *
 *   → e                       ClientHello
 *   ← e, ee, s, es  + certs    ServerHello (static key and cert chain encrypted)
 *   → s, se         + payload  ClientFinish (client static key, ClientPayload encrypted)
 *
 * Then both sides split the chaining key: the client writes with the first half, reads with the
 * second. Nonces are a 32-bit counter in the last 4 bytes of a 12-byte IV.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { Curve, NOISE_MODE, NOISE_WA_HEADER, proto } from 'baileys';
import type { KeyPair } from 'baileys';

const TAG_LENGTH = 16;

function iv(counter: number): Buffer {
  const out = Buffer.alloc(12);
  out.writeUInt32BE(counter, 8);
  return out;
}

function gcmEncrypt(key: Buffer, counter: number, plaintext: Uint8Array, ad: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv(counter));
  cipher.setAAD(ad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function gcmDecrypt(key: Buffer, counter: number, ciphertext: Uint8Array, ad: Buffer): Buffer {
  const data = Buffer.from(ciphertext);
  const decipher = createDecipheriv('aes-256-gcm', key, iv(counter));
  decipher.setAAD(ad);
  decipher.setAuthTag(data.subarray(data.length - TAG_LENGTH));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_LENGTH)), decipher.final()]);
}

function hkdf64(ikm: Uint8Array, salt: Buffer): [Buffer, Buffer] {
  const out = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.alloc(0), 64));
  return [out.subarray(0, 32), out.subarray(32)];
}

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** Encrypts and decrypts frames once the handshake is done; each direction has its own counter. */
export class NoiseTransport {
  private readCounter = 0;
  private writeCounter = 0;

  constructor(
    private readonly readKey: Buffer,
    private readonly writeKey: Buffer,
  ) {}

  encrypt(plaintext: Uint8Array): Buffer {
    return gcmEncrypt(this.writeKey, this.writeCounter++, plaintext, Buffer.alloc(0));
  }

  decrypt(ciphertext: Uint8Array): Buffer {
    return gcmDecrypt(this.readKey, this.readCounter++, ciphertext, Buffer.alloc(0));
  }
}

export interface HandshakeResult {
  transport: NoiseTransport;
  /** The client's static Noise key: how WhatsApp knows which companion is logging in. */
  clientStatic: Buffer;
  payload: proto.ClientPayload;
}

/** One handshake, driven by the connection: hello in → hello out, finish in → transport. */
export class NoiseResponder {
  private hash: Buffer;
  private salt: Buffer;
  private key: Buffer;
  private counter = 0;
  private readonly ephemeral: KeyPair = Curve.generateKeyPair();

  constructor(
    private readonly staticKeys: KeyPair,
    private readonly certChain: Uint8Array,
  ) {
    const mode = Buffer.from(NOISE_MODE);
    // Noise: a protocol name of exactly 32 bytes is used as the initial hash as is.
    this.hash = mode.length === 32 ? mode : sha256(mode);
    this.salt = this.hash;
    this.key = this.hash;
    this.mixHash(NOISE_WA_HEADER);
  }

  /** ClientHello in, ServerHello out. */
  respondToHello(frame: Uint8Array): Buffer {
    const hello = proto.HandshakeMessage.decode(frame).clientHello;
    const clientEphemeral = hello?.ephemeral;
    if (!clientEphemeral || clientEphemeral.length !== 32)
      throw new Error('client hello without ephemeral key');
    this.mixHash(clientEphemeral);
    this.mixHash(this.ephemeral.public);
    this.mixKey(Curve.sharedKey(this.ephemeral.private, clientEphemeral));
    const encryptedStatic = this.encryptAndHash(this.staticKeys.public);
    this.mixKey(Curve.sharedKey(this.staticKeys.private, clientEphemeral));
    const encryptedCerts = this.encryptAndHash(this.certChain);
    return Buffer.from(
      proto.HandshakeMessage.encode({
        serverHello: { ephemeral: this.ephemeral.public, static: encryptedStatic, payload: encryptedCerts },
      }).finish(),
    );
  }

  /** ClientFinish in: the client's static key and login/registration payload, and the transport. */
  finish(frame: Uint8Array): HandshakeResult {
    const finish = proto.HandshakeMessage.decode(frame).clientFinish;
    if (!finish?.static || !finish.payload) throw new Error('client finish without static key or payload');
    const clientStatic = this.decryptAndHash(finish.static);
    this.mixKey(Curve.sharedKey(this.ephemeral.private, clientStatic));
    const payload = proto.ClientPayload.decode(this.decryptAndHash(finish.payload));
    const [clientWrite, clientRead] = hkdf64(Buffer.alloc(0), this.salt);
    return { transport: new NoiseTransport(clientWrite, clientRead), clientStatic, payload };
  }

  private mixHash(data: Uint8Array): void {
    this.hash = sha256(this.hash, data);
  }

  private mixKey(ikm: Uint8Array): void {
    const [chainingKey, key] = hkdf64(ikm, this.salt);
    this.salt = chainingKey;
    this.key = key;
    this.counter = 0;
  }

  private encryptAndHash(plaintext: Uint8Array): Buffer {
    const ciphertext = gcmEncrypt(this.key, this.counter++, plaintext, this.hash);
    this.mixHash(ciphertext);
    return ciphertext;
  }

  private decryptAndHash(ciphertext: Uint8Array): Buffer {
    const plaintext = gcmDecrypt(this.key, this.counter++, ciphertext, this.hash);
    this.mixHash(ciphertext);
    return plaintext;
  }
}

/**
 * Splits the byte stream of one WebSocket into frames. The first bytes a client sends are the
 * intro header (`WA` 6 3, or `ED` routing info first when the client has routing info).
 */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private introSeen = false;

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : Buffer.from(chunk);
    if (!this.introSeen) {
      if (!this.skipIntro()) return [];
      this.introSeen = true;
    }
    const frames: Buffer[] = [];
    while (this.buffer.length >= 3) {
      const size = (this.buffer[0]! << 16) | (this.buffer[1]! << 8) | this.buffer[2]!;
      if (this.buffer.length < size + 3) break;
      frames.push(this.buffer.subarray(3, size + 3));
      this.buffer = this.buffer.subarray(size + 3);
    }
    return frames;
  }

  private skipIntro(): boolean {
    if (this.buffer.length < 4) return false;
    if (this.buffer[0] === 0x45 && this.buffer[1] === 0x44) {
      // 'ED' 0 1, a 3-byte length, the routing info, then the WA header.
      if (this.buffer.length < 7) return false;
      const length = (this.buffer[4]! << 16) | this.buffer.readUInt16BE(5);
      if (this.buffer.length < 7 + length + 4) return false;
      this.buffer = this.buffer.subarray(7 + length);
    }
    if (!this.buffer.subarray(0, 4).equals(NOISE_WA_HEADER)) throw new Error('bad intro header');
    this.buffer = this.buffer.subarray(4);
    return true;
  }
}

/** A frame as the server sends it: 3-byte length, then the bytes. */
export function frame(data: Uint8Array): Buffer {
  const out = Buffer.alloc(3 + data.length);
  out[0] = (data.length >>> 16) & 0xff;
  out[1] = (data.length >>> 8) & 0xff;
  out[2] = data.length & 0xff;
  out.set(data, 3);
  return out;
}
