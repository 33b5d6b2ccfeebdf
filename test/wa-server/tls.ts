/**
 * The one trust setup of the protocol tests: a test certificate authority (committed, long-lived,
 * its private key thrown away; see tls/generate.sh) that signed the certificate every loopback
 * HTTPS/WSS host of the suite presents. Clients under test trust that CA and nothing is ever
 * configured to skip verification:
 * - a WAPing child process gets it through `NODE_EXTRA_CA_CERTS` (read by Node at start);
 * - an in-process Baileys socket gets an `https.Agent` whose `ca` is the test CA (Baileys passes
 *   its `agent` option to the WebSocket).
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'tls');

/** Path of the test CA certificate, for `NODE_EXTRA_CA_CERTS`. */
export const TEST_CA_PATH = join(DIR, 'ca.pem');

/** The key and certificate (CN localhost, SAN 127.0.0.1 and ::1) a loopback test host presents. */
export function loopbackServerTls(): { key: Buffer; cert: Buffer } {
  return { key: readFileSync(join(DIR, 'server-key.pem')), cert: readFileSync(join(DIR, 'server.pem')) };
}

/** An agent that verifies servers against the test CA only (not the public roots). */
export function testCaAgent(): Agent {
  return new Agent({ ca: readFileSync(TEST_CA_PATH), keepAlive: false });
}
