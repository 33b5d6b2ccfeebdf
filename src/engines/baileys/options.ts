/** How a Baileys engine is built: endpoints, naming, timeouts and the seams tests replace. */
import type { WAVersion } from 'baileys';
import type { BackoffOptions } from './reconnect-policy.js';
import type { SocketFactory } from './socket-config.js';
import type { FetchVersion } from './wa-version.js';

export interface BaileysEngineOptions {
  /** Baileys `waWebSocketUrl` (WAPING_WA_WS_URL); WhatsApp's own server when unset. */
  wsUrl?: string;
  /** Name on the phone's linked-devices list (WAPING_WA_BROWSER). Default 'WAPing'. */
  browserName?: string;
  /** QR codes shown without a scan before giving up with `link_timeout`. Default 5. */
  qrMaxAttempts?: number;
  /** Baileys `connectTimeoutMs` (its default is 20 s). */
  connectTimeoutMs?: number;
  /** Builds the socket; default Baileys' makeWASocket. Tests inject fakes. */
  socketFactory?: SocketFactory;
  /** Reconnect schedule overrides; `random` (jitter source in [0, 1)) makes tests deterministic. */
  backoff?: Partial<BackoffOptions> & { random?: () => number };
  /** Looks up the current WhatsApp Web version after a 405; default lookupLatestVersion. */
  fetchVersion?: FetchVersion;
  /** Announce this WhatsApp Web version, always (WAPING_WA_VERSION). */
  version?: WAVersion;
}
