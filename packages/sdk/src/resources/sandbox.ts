import { Resource } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { QueryParams, RequestBody, ResponseBody } from '../types.js';

export type SandboxInbox = ResponseBody<'/v1/sandbox/messages', 'get'>;

/** The sandbox's simulated phones (only while WAPING_SANDBOX is on; docs/api.md, "Sandbox"). */
export class Sandbox extends Resource {
  /** Simulates scanning the QR of a sandbox device with the phone `phone`. */
  scan(deviceId: string, params: { phone: string }, options?: RequestOptions): Promise<unknown> {
    return this.call({
      method: 'POST',
      path: `/v1/sandbox/devices/${seg(deviceId)}/scan`,
      body: params,
      options,
    });
  }

  /** Simulates the phone dropping off; it comes back after `reconnectAfterMs` when given. */
  disconnect(
    deviceId: string,
    params: RequestBody<'/v1/sandbox/devices/{id}/disconnect', 'post'> = {},
    options?: RequestOptions,
  ): Promise<unknown> {
    return this.call({
      method: 'POST',
      path: `/v1/sandbox/devices/${seg(deviceId)}/disconnect`,
      body: params,
      options,
    });
  }

  /** What the simulated recipients received, newest first. */
  messages(
    query?: QueryParams<'/v1/sandbox/messages', 'get'>,
    options?: RequestOptions,
  ): Promise<SandboxInbox> {
    return this.call({ method: 'GET', path: '/v1/sandbox/messages', query, options });
  }

  /** Simulates a customer writing to a sandbox line. */
  inbound(
    params: RequestBody<'/v1/sandbox/inbound', 'post'>,
    options?: RequestOptions,
  ): Promise<ResponseBody<'/v1/sandbox/inbound', 'post'>> {
    return this.call({ method: 'POST', path: '/v1/sandbox/inbound', body: params, options });
  }
}
