/**
 * The WhatsApp Web version the engine announces. Baileys ships one; WhatsApp refuses clients that
 * fall too far behind (405), and then a fresher one is looked up once before the next socket.
 */
import { fetchLatestBaileysVersion } from 'baileys';
import type { WAVersion } from 'baileys';
import type { Logger } from 'pino';
import { withTimeout } from './session.js';

export type FetchVersion = () => Promise<{ version: WAVersion; isLatest: boolean; error?: unknown }>;

const FETCH_TIMEOUT_MS = 10_000;

export class WaVersion {
  /** Undefined means Baileys' bundled version. */
  current: WAVersion | undefined;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly log: Logger,
    private readonly fetchVersion: FetchVersion = () => fetchLatestBaileysVersion(),
  ) {}

  /** Starts one lookup (joins a running one); never rejects. */
  refresh(): void {
    if (this.pending) return;
    this.pending = withTimeout(this.fetchVersion(), FETCH_TIMEOUT_MS)
      .then(({ version, isLatest, error }) => {
        if (isLatest) this.current = version;
        // Offline, or GitHub unreachable: Baileys answers with its bundled version; keep ours.
        else this.log.warn({ err: error, version }, 'could not refresh the WhatsApp Web version');
      })
      .catch((err: unknown) => this.log.warn({ err }, 'could not refresh the WhatsApp Web version'))
      .finally(() => (this.pending = undefined));
  }

  /** Waits for a running lookup, so the next socket uses its result. */
  async settled(): Promise<void> {
    await this.pending;
  }
}
