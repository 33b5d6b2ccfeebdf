/**
 * XEdDSA signature checks for the server's own verifications (signed pre-keys, the companion's
 * device signature). Not Baileys' `Curve.verify`: in Baileys 7.0.0-rc14 it treats libsignal's
 * `verifySignature`, which returns false for a bad signature instead of throwing, as success, so
 * it accepts any well-formed signature.
 */
import { verifySignature } from 'libsignal/src/curve.js';

const KEY_TYPE = 5;

/** Whether `signature` over `message` verifies with the 32-byte Curve25519 `publicKey`. */
export function verifies(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    return verifySignature(Buffer.concat([Buffer.from([KEY_TYPE]), publicKey]), message, signature);
  } catch {
    return false;
  }
}
