import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { randomToken } from '../lib/crypto.js';
import {
  claimDue,
  claimSequence,
  claimTokenOf,
  releaseClaims,
  releaseClaimsOfNode,
  type ClaimedDelivery,
} from './delivery-store.js';
import { REQUEST_TIMEOUT_MS, type PostResult } from './http-post.js';
import { AttemptRecorder } from './recorder.js';
import { judgeAttempt, parseRetryAfter, type Verdict } from './retry-policy.js';
import { DeliverySender } from './sender.js';
import type { SecretBox } from './signing.js';
import { disableGoneEndpoint, noteEndpointFailure, noteEndpointSuccess } from './store.js';

export interface WorkerOptions {
  /** Delay before each retry, in milliseconds. */
  schedule: number[];
  /** A streak of failures this long disables the endpoint. */
  disableAfterMs: number;
  pollMs?: number;
  /** Endpoint+device sequences delivered at once. */
  concurrency?: number;
  /** Deliveries of one sequence claimed together (sent one after the other). */
  sequenceBatch?: number;
  timeoutMs?: number;
  /** Told when an endpoint was disabled for failing too long (the owners get an email). */
  onEndpointDisabled?: (endpoint: { id: string; workspaceId: string; url: string }) => void;
}

/**
 * Sends due deliveries. The database is the queue: the worker claims rows, posts them and writes
 * the outcome, so a restart or another node picks up whatever this one did not finish. It is woken
 * by new events and also polls, for retries coming due and for work recorded on other nodes.
 */
export class DeliveryWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly soon = new Set<NodeJS.Timeout>();
  private readonly sender: DeliverySender;
  private readonly recorder: AttemptRecorder;
  private readonly pollMs: number;
  private readonly timeoutMs: number;
  /** Whether the claims this node's previous process left behind were freed (done once, on the first run). */
  private ownClaimsReleased = false;
  private loop: Loop | undefined;
  private stopped = true;

  constructor(
    private readonly ctx: AppContext,
    secrets: SecretBox,
    private readonly options: WorkerOptions,
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    this.sender = new DeliverySender(secrets, {
      allowPrivate: ctx.config.webhookAllowPrivate,
      timeoutMs: this.timeoutMs,
    });
    this.recorder = new AttemptRecorder(ctx.db);
  }

  start(): void {
    this.stopped = false;
    this.loop = startLoop({
      name: 'webhook worker',
      log: this.ctx.log,
      intervalMs: this.pollMs,
      firstRunMs: 0,
      run: () => this.pump(),
    });
  }

  /** Looks for due work now (called on every published event). */
  wake(): void {
    if (!this.stopped) this.loop?.wake();
  }

  /** Stops claiming, cancels requests in flight (their claims are given back) and waits for all of it. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.soon) clearTimeout(timer);
    this.sender.close();
    await this.loop?.stop();
    await Promise.allSettled([...this.inFlight]);
    await this.recorder.drain();
  }

  private newClaimToken(): string {
    return claimTokenOf(this.ctx.nodeId, randomToken(12));
  }

  private async pump(): Promise<void> {
    try {
      if (!this.ownClaimsReleased) {
        const freed = await releaseClaimsOfNode(this.ctx.db, this.ctx.nodeId);
        this.ownClaimsReleased = true;
        if (freed > 0) this.ctx.log.info({ freed }, 'webhook deliveries claimed before a crash freed');
      }
      while (!this.stopped) {
        const room = (this.options.concurrency ?? 64) - this.inFlight.size;
        if (room <= 0) return;
        const token = this.newClaimToken();
        const claimed = await claimDue(this.ctx.db, { ...this.claimOptions(token), limit: room });
        if (claimed.length === 0) return;
        for (const delivery of claimed) {
          const job: Promise<void> = this.runSequence([delivery], token)
            .catch((err: unknown) => this.ctx.log.error({ err, deliveryId: delivery.id }, 'webhook delivery'))
            .finally(() => {
              this.inFlight.delete(job);
              this.wake();
            });
          this.inFlight.add(job);
        }
      }
    } catch (err) {
      if (!this.stopped) this.ctx.log.error({ err }, 'webhook worker could not claim deliveries');
    }
  }

  /**
   * A claim lasts a few request timeouts; a run stops sending before its claim could lapse under
   * it (and claims again), so a crashed node's rows are free again within a minute.
   */
  private claimOptions(token: string) {
    return { now: this.ctx.clock.now(), token, lockMs: this.timeoutMs * 4 };
  }

  /** Delivers claimed deliveries of one endpoint and device in order, then the ones queued behind them. */
  private async runSequence(first: ClaimedDelivery[], firstToken: string): Promise<void> {
    let run = first;
    let token = firstToken;
    let claimedAt = this.ctx.clock.now().getTime();
    const head = first[0]!;
    while (run.length > 0) {
      const recorded: Array<Promise<unknown>> = [];
      let sent = 0;
      let broken = false;
      for (const delivery of run) {
        if (this.stopped || this.ctx.clock.now().getTime() - claimedAt > this.timeoutMs * 2) break;
        const result = await this.sender.send(delivery, this.ctx.clock.now());
        if (this.sender.closed) break;
        sent += 1;
        const { verdict, done } = this.judge(delivery, token, result);
        recorded.push(done);
        if (verdict.kind !== 'succeeded') {
          broken = true;
          break;
        }
        // Its streak ended: the others of this run need not say so again.
        if (delivery.failing_since !== null) for (const d of run) if (d !== delivery) d.failing_since = null;
      }
      await releaseClaims(
        this.ctx.db,
        run.slice(sent).map((d) => d.id),
        token,
      );
      await Promise.all(recorded);
      if (broken || this.stopped) return;
      const batch = this.options.sequenceBatch ?? 50;
      token = this.newClaimToken();
      claimedAt = this.ctx.clock.now().getTime();
      run = await claimSequence(
        this.ctx.db,
        { endpointId: head.endpoint_id, sequenceKey: head.sequence_key },
        { ...this.claimOptions(token), limit: batch },
      );
    }
  }

  /** What an attempt means; its record is written in the background and `done` settles after. */
  private judge(
    d: ClaimedDelivery,
    token: string,
    result: PostResult,
  ): { verdict: Verdict; done: Promise<void> } {
    const now = this.ctx.clock.now();
    const retryAfterMs = parseRetryAfter(result.retryAfter, now);
    const verdict = judgeAttempt(
      { statusCode: result.statusCode, retryAfterMs },
      d.schedule_step,
      this.options.schedule,
    );
    const retry = verdict.kind === 'retry';
    const written = this.recorder.record({
      id: d.id,
      token,
      number: d.attempts + 1,
      status: verdict.kind === 'succeeded' ? 'succeeded' : retry ? 'pending' : 'failed',
      scheduleStep: retry ? d.schedule_step + 1 : d.schedule_step,
      nextAttemptAt: retry ? new Date(now.getTime() + verdict.delayMs).toISOString() : null,
      startedAt: new Date(now.getTime() - result.durationMs),
      durationMs: result.durationMs,
      statusCode: result.statusCode,
      snippet: result.snippet,
      error: result.error,
      now,
    });
    const done = written.then((ours) => (ours ? this.afterAttempt(d, verdict, now) : undefined));
    return { verdict, done };
  }

  private async afterAttempt(d: ClaimedDelivery, verdict: Verdict, now: Date): Promise<void> {
    if (verdict.kind === 'retry') this.wakeAfter(verdict.delayMs);
    if (verdict.kind === 'succeeded') {
      if (d.failing_since !== null) await noteEndpointSuccess(this.ctx.db, d.endpoint_id);
    } else if (verdict.kind === 'gone') {
      await disableGoneEndpoint(this.ctx.db, d.endpoint_id, now);
    } else if (await noteEndpointFailure(this.ctx.db, d.endpoint_id, now, this.options.disableAfterMs)) {
      this.ctx.log.warn({ endpointId: d.endpoint_id }, 'webhook endpoint disabled after failing too long');
      this.options.onEndpointDisabled?.({ id: d.endpoint_id, workspaceId: d.workspace_id, url: d.url });
    }
  }

  /** A retry due before the next poll (short schedules in tests, Retry-After: 0) is not left waiting for it. */
  private wakeAfter(delayMs: number): void {
    if (delayMs >= this.pollMs || this.stopped) return;
    const timer = setTimeout(() => {
      this.soon.delete(timer);
      this.wake();
    }, delayMs);
    this.soon.add(timer);
  }
}
