/**
 * The WhatsApp Web version the engine announces. Baileys ships one; WhatsApp refuses clients that
 * fall too far behind (405), and then a fresher one is found before the next socket.
 *
 * The last version that worked (a connection opened with it) is kept in the installation-wide
 * engine store: one version serves every device, so whichever device learns it first spares the
 * others, on every node and after every restart, a refused login. An operator may pin one
 * (WAPING_WA_VERSION); a pinned version is announced as is and never replaced or stored.
 * Nothing here can block a connect: store and lookup failures are logged, and the version at hand
 * (stored, else bundled) is used.
 */
import { DEFAULT_CONNECTION_CONFIG, fetchLatestBaileysVersion, fetchLatestWaWebVersion } from 'baileys';
import type { WAVersion } from 'baileys';
import type { Logger } from 'pino';
import type { EngineSharedStore } from '../engine.js';
import { withTimeout } from './session.js';

export type FetchVersion = () => Promise<{ version: WAVersion; isLatest: boolean; error?: unknown }>;

/** Key of the last version that worked in the engine shared store. */
export const WA_VERSION_KEY = 'baileys.wa-version';

const BUNDLED: WAVersion = DEFAULT_CONNECTION_CONFIG.version;
const FETCH_TIMEOUT_MS = 10_000;

export const formatVersion = (version: WAVersion): string => version.join('.');

/** `2.3000.1023223821` → [2, 3000, 1023223821]; undefined for anything else. */
export function parseVersion(text: string | null | undefined): WAVersion | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

const newer = (a: WAVersion, b: WAVersion): boolean => {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/**
 * The current version: WhatsApp Web's own (the revision its service worker announces), else the
 * one Baileys' repository lists. Each answers `isLatest: false` with the bundled version when it
 * cannot tell (offline, blocked, changed format).
 */
export async function lookupLatestVersion(
  fromWhatsApp: FetchVersion = () =>
    fetchLatestWaWebVersion({ signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }),
  fromBaileys: FetchVersion = () => fetchLatestBaileysVersion(),
): ReturnType<FetchVersion> {
  const web = await fromWhatsApp();
  if (web.isLatest) return web;
  const repository = await fromBaileys();
  return repository.isLatest ? repository : { ...repository, error: repository.error ?? web.error };
}

export interface WaVersionOptions {
  /** Announce this version, always (WAPING_WA_VERSION). */
  pinned?: WAVersion;
  /** Where the last version that worked is kept; in memory only without one. */
  shared?: EngineSharedStore;
  fetchVersion?: FetchVersion;
}

export class WaVersion {
  /** What the next socket announces; undefined means Baileys' bundled version. */
  current: WAVersion | undefined;
  private pending: Promise<void> | undefined;
  private loaded = false;

  constructor(
    private readonly log: Logger,
    private readonly options: WaVersionOptions = {},
  ) {
    this.current = options.pinned;
  }

  /** Before the first socket: the stored version, when it is newer than the bundled one. */
  async load(): Promise<void> {
    if (this.loaded || this.options.pinned) return;
    this.loaded = true;
    const stored = await this.readStored();
    if (stored && newer(stored, this.current ?? BUNDLED)) this.current = stored;
  }

  /** After a 405: starts one lookup (joins a running one); never rejects. */
  refresh(): void {
    if (this.pending) return;
    if (this.options.pinned) {
      this.log.warn(
        { version: formatVersion(this.options.pinned) },
        'WhatsApp refused the pinned WhatsApp Web version (WAPING_WA_VERSION); it is kept as set',
      );
      return;
    }
    this.pending = this.findNewer()
      .catch((err: unknown) => this.log.warn({ err }, 'could not refresh the WhatsApp Web version'))
      .finally(() => (this.pending = undefined));
  }

  /** Waits for a running lookup, so the next socket uses its result. */
  async settled(): Promise<void> {
    await this.pending;
  }

  /**
   * A connection opened with the current version: keep it for every device and the next start,
   * unless a newer one that worked is kept already (a device still on an older version that
   * WhatsApp accepts must not undo what another device learned).
   */
  async worked(): Promise<void> {
    if (this.options.pinned || !this.options.shared) return;
    const used = this.current ?? BUNDLED;
    const stored = await this.readStored();
    if (stored && !newer(used, stored)) return;
    try {
      await this.options.shared.write(WA_VERSION_KEY, formatVersion(used));
    } catch (err) {
      this.log.warn({ err }, 'could not keep the WhatsApp Web version that worked');
    }
  }

  private async findNewer(): Promise<void> {
    const refused = this.current ?? BUNDLED;
    // Another device (or node) may have found a working version since this one started.
    const stored = await this.readStored();
    if (stored && newer(stored, refused)) {
      this.current = stored;
      return;
    }
    const fetch = this.options.fetchVersion ?? (() => lookupLatestVersion());
    const { version, isLatest, error } = await withTimeout(fetch(), FETCH_TIMEOUT_MS);
    // Offline, or both sources unreachable: keep what we have and let the backoff retry.
    if (!isLatest) this.log.warn({ err: error }, 'could not refresh the WhatsApp Web version');
    else this.current = version;
  }

  private async readStored(): Promise<WAVersion | undefined> {
    if (!this.options.shared) return undefined;
    try {
      return parseVersion(await this.options.shared.read(WA_VERSION_KEY));
    } catch (err) {
      this.log.warn({ err }, 'could not read the stored WhatsApp Web version');
      return undefined;
    }
  }
}
