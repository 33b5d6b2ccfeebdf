import { randomBytes, randomInt } from 'node:crypto';

// The alphabet WhatsApp pairing codes are shown in: upper-case letters and digits.
const PAIRING_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += PAIRING_CODE_ALPHABET.charAt(randomInt(PAIRING_CODE_ALPHABET.length));
  return code;
}

/** Shaped like real ids (upper-case hex) but prefixed so a sandbox id is never mistaken for a real one. */
export function newWaMessageId(): string {
  return `SBX${randomBytes(9).toString('hex').toUpperCase()}`;
}

export function newQrCode(deviceId: string): string {
  return `waping-sandbox:${deviceId}:${randomBytes(12).toString('base64url')}`;
}

/** E.164 → user JID, the way WhatsApp addresses a personal account. */
export function jidFor(phone: string): string {
  return `${phone.replace(/\D/g, '')}@s.whatsapp.net`;
}
