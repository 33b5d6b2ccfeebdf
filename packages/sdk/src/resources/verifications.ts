import { Resource } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { QueryParams, RequestBody, ResponseBody, Verification } from '../types.js';

export type StartVerificationParams = RequestBody<'/v1/verifications', 'post'>;
export type CheckByNumberParams = RequestBody<'/v1/verifications/check', 'post'>;
export type CheckResult = ResponseBody<'/v1/verifications/{id}/check', 'post'>;
export type ResendParams = RequestBody<'/v1/verifications/{id}/resend', 'post'>;
export type ListVerificationsQuery = QueryParams<'/v1/verifications', 'get'>;

const PATH = '/v1/verifications';

/**
 * One-time codes (docs/otp.md). A `RATE_LIMITED` answer here may be a per-number limit, which
 * waiting seconds does not lift: it is thrown at once (`RateLimitedError.retryAfterMs` says when).
 */
export class Verifications extends Resource {
  /** Sends a code. Retried with one Idempotency-Key: a lost answer never sends a second code. */
  start(params: StartVerificationParams, options?: RequestOptions): Promise<Verification> {
    return this.call({
      method: 'POST',
      path: PATH,
      body: params,
      creates: true,
      rateLimitIsFinal: true,
      options,
    });
  }

  /** Checks a code: against one verification (`check(id, { code })`) or by number (`check({ to, code })`). */
  check(id: string, params: { code: string }, options?: RequestOptions): Promise<CheckResult>;
  check(params: CheckByNumberParams, options?: RequestOptions): Promise<CheckResult>;
  check(
    idOrParams: string | CheckByNumberParams,
    paramsOrOptions?: { code: string } | RequestOptions,
    options?: RequestOptions,
  ): Promise<CheckResult> {
    if (typeof idOrParams === 'string') {
      return this.call({
        method: 'POST',
        path: `${PATH}/${seg(idOrParams)}/check`,
        body: paramsOrOptions,
        rateLimitIsFinal: true,
        options,
      });
    }
    return this.call({
      method: 'POST',
      path: `${PATH}/check`,
      body: idOrParams,
      rateLimitIsFinal: true,
      options: paramsOrOptions as RequestOptions | undefined,
    });
  }

  /** Sends the same code again (from `channel`, or the first channel). */
  resend(id: string, params: ResendParams = {}, options?: RequestOptions): Promise<Verification> {
    return this.call({
      method: 'POST',
      path: `${PATH}/${seg(id)}/resend`,
      body: params,
      creates: true,
      rateLimitIsFinal: true,
      options,
    });
  }

  cancel(id: string, options?: RequestOptions): Promise<Verification> {
    return this.call({ method: 'POST', path: `${PATH}/${seg(id)}/cancel`, rateLimitIsFinal: true, options });
  }

  get(id: string, options?: RequestOptions): Promise<Verification> {
    return this.call({ method: 'GET', path: `${PATH}/${seg(id)}`, options });
  }

  list(query?: ListVerificationsQuery, options?: RequestOptions) {
    return this.paginate<Verification>(PATH, query, options);
  }
}
