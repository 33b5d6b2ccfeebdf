import type { AppContext } from '../context.js';
import type { WapingEvent } from '../events/types.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { downMail, recoveredMail } from './alert-mail.js';
import {
  claimIncident,
  closeIncident,
  dueIncidents,
  nextDueAt,
  openIncident,
  postponeIncident,
} from './alert-store.js';
import type { OperatorMail } from './operator-mail.js';

/** After a refused mail, the alert is tried again this much later. */
const MAIL_RETRY_MS = 60_000;
/** Longest sleep between sweeps: incidents opened on other nodes are found within it. */
const MAX_SLEEP_MS = 30_000;

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/**
 * Emails operators when a device drops: once it has been disconnected for the grace period, at
 * once when it was logged out, and once more when it is back. The incident lives in
 * `device_alerts`, so a restart neither alerts twice nor forgets a device that is down.
 */
export class AlertMonitor {
  /** Device events not handled yet, in arrival order. */
  private readonly pending: WapingEvent[] = [];
  private loop: Loop | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly mail: OperatorMail,
    private readonly graceMs: number,
  ) {}

  start(): void {
    this.unsubscribe = this.ctx.bus.subscribe('events', (event) => {
      if (!event.type.startsWith('device.')) return;
      this.pending.push(event);
      this.loop?.wake();
    });
    this.loop = startLoop({
      name: 'device alerts',
      log: this.ctx.log,
      intervalMs: MAX_SLEEP_MS,
      firstRunMs: 0,
      run: () => this.run(),
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.loop?.stop();
  }

  /**
   * One run at a time, events in arrival order (a blip's "connected" is handled after its
   * "disconnected"), then the sweep; returns how long to sleep until the next incident is due.
   */
  private async run(): Promise<number> {
    for (let event = this.pending.shift(); event; event = this.pending.shift()) {
      try {
        await this.handle(event);
      } catch (err) {
        this.ctx.log.error({ err }, 'device alerts');
      }
    }
    return this.sweep();
  }

  private async handle(event: WapingEvent): Promise<void> {
    const deviceId = text(event.data.id);
    if (!deviceId || !event.type.startsWith('device.')) return;
    if (event.type === 'device.connected') return this.recovered(deviceId, event.createdAt);
    if (event.type !== 'device.disconnected' && event.type !== 'device.logged_out') return;
    const loggedOut = event.type === 'device.logged_out';
    const due = loggedOut ? Date.parse(event.createdAt) : Date.parse(event.createdAt) + this.graceMs;
    await openIncident(this.ctx.db, {
      deviceId,
      workspaceId: event.workspaceId,
      name: text(event.data.name),
      phone: text(event.data.phone),
      reason: loggedOut ? 'logged_out' : 'disconnected',
      downSince: event.createdAt,
      dueAt: new Date(due).toISOString(),
      now: this.ctx.clock.now(),
    });
  }

  private async recovered(deviceId: string, at: string): Promise<void> {
    const incident = await closeIncident(this.ctx.db, deviceId);
    // Not alerted yet: a blip shorter than the grace period, nobody needs to hear of it.
    if (!incident?.alerted_at) return;
    try {
      await this.mail.send(incident.workspace_id, recoveredMail(incident, at, this.ctx.config.publicUrl));
    } catch (err) {
      this.ctx.log.warn({ err, deviceId }, 'device recovery email not sent');
    }
  }

  /** Alerts every incident that is due; returns the time until the next one is. */
  private async sweep(): Promise<number> {
    const now = this.ctx.clock.now();
    for (const incident of await dueIncidents(this.ctx.db, now)) {
      if (!(await claimIncident(this.ctx.db, incident, now))) continue;
      try {
        await this.mail.send(incident.workspace_id, downMail(incident, this.ctx.config.publicUrl));
      } catch (err) {
        this.ctx.log.warn({ err, deviceId: incident.device_id }, 'device alert email not sent; will retry');
        await postponeIncident(this.ctx.db, incident.device_id, new Date(now.getTime() + MAIL_RETRY_MS), now);
      }
    }
    const next = await nextDueAt(this.ctx.db);
    const wait = next ? Date.parse(next) - this.ctx.clock.now().getTime() : MAX_SLEEP_MS;
    return Math.min(Math.max(wait, 0), MAX_SLEEP_MS);
  }
}
