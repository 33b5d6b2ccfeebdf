import { proto } from 'baileys';
import type { SignalDataSet } from 'baileys';

export const bytes = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + seed) % 256));

/** One realistic value per Baileys 7 key type, with the ids Baileys uses for them. */
export function sampleKeys(): SignalDataSet {
  return {
    'pre-key': { '1': { public: bytes(32, 1), private: bytes(32, 2) } },
    session: { '15551234567.0': bytes(120, 3) },
    'sender-key': { '120363@g.us::15551234567::0': bytes(64, 4) },
    'sender-key-memory': { '120363@g.us': { '15551234567:0@s.whatsapp.net': true } },
    'app-state-sync-key': {
      AAAAAHQV: proto.Message.AppStateSyncKeyData.fromObject({
        keyData: bytes(32, 5),
        fingerprint: { rawId: 7, currentIndex: 1, deviceIndexes: [0, 1] },
        timestamp: 1_700_000_000,
      }),
    },
    'app-state-sync-version': {
      regular_high: { version: 3, hash: bytes(128, 6), indexValueMap: { abc: { valueMac: bytes(32, 7) } } },
    },
    'lid-mapping': { '15551234567': '123456789012345', '123456789012345_reverse': '15551234567' },
    'device-list': { '15551234567': ['0', '12'] },
    tctoken: { '15551234567@s.whatsapp.net': { token: bytes(16, 8), timestamp: '1700000000' } },
    'identity-key': { '15551234567.0': bytes(33, 9) },
  };
}
