// Loaded with `node --import` into a WAPing process under test (see server.ts, env()). It makes
// Baileys trust the protocol test server's Noise root key instead of WhatsApp's, by setting the
// key Baileys reads at each handshake (`WA_CERT_DETAILS`, a plain exported object). Nothing else
// changes: TLS is verified as always (the test CA comes in through NODE_EXTRA_CA_CERTS).
// (Baileys 7.0.0-rc14 accepts any Noise certificate signature, see trust.test.ts; the key is
// installed all the same so the setup stays right when Baileys checks it.)
// A plain .mjs file so it works whether WAPing runs through tsx or as compiled JavaScript.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { WA_CERT_DETAILS } from 'baileys';

const key = process.env.WAPING_TEST_WA_ROOT_KEY;
if (key) {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error('WAPING_TEST_WA_ROOT_KEY must be 32 bytes of hex');
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(key, 'hex');
}
