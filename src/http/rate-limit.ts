import type { FastifyInstance } from 'fastify';
import type { Clock } from '../lib/time.js';
import { AppError } from '../lib/errors.js';

const WINDOW_SECONDS = 60;

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Fixed one-minute windows per principal (API key or dashboard user), limit from the plan.
 * Counted in this process: with several nodes behind a balancer each enforces it on its share.
 */
export class RateLimiter {
  private windows = new Map<string, Window>();
  private sweptAt = 0;
  constructor(private readonly clock: Clock) {}

  /** Counts one request; returns what the headers should say. */
  hit(principal: string, limit: number): { allowed: boolean; remaining: number; resetSeconds: number } {
    const now = this.clock.now().getTime();
    this.sweep(now);
    let window = this.windows.get(principal);
    if (!window || now - window.startedAt >= WINDOW_SECONDS * 1000) {
      window = { startedAt: now, count: 0 };
      this.windows.set(principal, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_SECONDS * 1000 - now) / 1000));
    return { allowed: window.count <= limit, remaining: Math.max(0, limit - window.count), resetSeconds };
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < WINDOW_SECONDS * 1000) return;
    this.sweptAt = now;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_SECONDS * 1000) this.windows.delete(key);
    }
  }
}

/** Adds IETF RateLimit headers to authenticated requests and answers 429 RATE_LIMITED past the plan's limit. */
export function registerRateLimit(app: FastifyInstance, clock: Clock): void {
  const limiter = new RateLimiter(clock);
  app.addHook('onRequest', async (request, reply) => {
    const auth = request.auth;
    const limit = auth?.plan.requestsPerMinute;
    if (!auth || !limit) return;
    const result = limiter.hit(auth.principalId, limit);
    reply.header('RateLimit-Policy', `"per-key";q=${limit};w=${WINDOW_SECONDS}`);
    reply.header('RateLimit', `"per-key";r=${result.remaining};t=${result.resetSeconds}`);
    if (!result.allowed) {
      throw new AppError(
        'RATE_LIMITED',
        `Rate limit of ${limit} requests per minute reached; retry in ${result.resetSeconds} s`,
        { limit, windowSeconds: WINDOW_SECONDS, retryAfterSeconds: result.resetSeconds },
        result.resetSeconds,
      );
    }
  });
}
