import { Resource, type ListQuery } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { RequestBody, ResponseBody, Webhook, WebhookDelivery } from '../types.js';
import { webhookHandler, type HandlerOptions } from '../webhooks/handler.js';
import { verifyWebhook, type VerifyOptions, type WebhookHeaders } from '../webhooks/verify.js';
import type { WebhookEvent } from '../webhooks/events.js';

export type CreateWebhookParams = RequestBody<'/v1/webhooks', 'post'>;
export type CreatedWebhook = ResponseBody<'/v1/webhooks', 'post'>;
export type UpdateWebhookParams = RequestBody<'/v1/webhooks/{id}', 'patch'>;

const path = (id: string, rest = '') => `/v1/webhooks/${seg(id)}${rest}`;

/** Developer webhook endpoints, their deliveries, and verifying what they receive (docs/webhooks.md). */
export class Webhooks extends Resource {
  /** Its signing secret (`whsec_…`) is in this answer only. */
  create(params: CreateWebhookParams, options?: RequestOptions): Promise<CreatedWebhook> {
    return this.call({ method: 'POST', path: '/v1/webhooks', body: params, creates: true, options });
  }

  get(id: string, options?: RequestOptions): Promise<Webhook> {
    return this.call({ method: 'GET', path: path(id), options });
  }

  list(query?: ListQuery, options?: RequestOptions) {
    return this.paginate<Webhook>('/v1/webhooks', query, options);
  }

  update(id: string, params: UpdateWebhookParams, options?: RequestOptions): Promise<Webhook> {
    return this.call({ method: 'PATCH', path: path(id), body: params, options });
  }

  delete(id: string, options?: RequestOptions): Promise<void> {
    return this.call({ method: 'DELETE', path: path(id), options });
  }

  /** A new secret; the old one keeps signing alongside it for 24 h. */
  rotateSecret(
    id: string,
    options?: RequestOptions,
  ): Promise<ResponseBody<'/v1/webhooks/{id}/rotate-secret', 'post'>> {
    return this.call({ method: 'POST', path: path(id, '/rotate-secret'), creates: true, options });
  }

  /** Sends a `webhook.test` event to this endpoint only. */
  test(id: string, options?: RequestOptions): Promise<ResponseBody<'/v1/webhooks/{id}/test', 'post'>> {
    return this.call({ method: 'POST', path: path(id, '/test'), creates: true, options });
  }

  deliveries(id: string, query?: ListQuery, options?: RequestOptions) {
    return this.paginate<WebhookDelivery>(path(id, '/deliveries'), query, options);
  }

  delivery(id: string, deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.call({ method: 'GET', path: path(id, `/deliveries/${seg(deliveryId)}`), options });
  }

  retryDelivery(
    id: string,
    deliveryId: string,
    options?: RequestOptions,
  ): Promise<ResponseBody<'/v1/webhooks/{id}/deliveries/{deliveryId}/retry', 'post'>> {
    return this.call({ method: 'POST', path: path(id, `/deliveries/${seg(deliveryId)}/retry`), options });
  }

  /** Verifies a delivery (Standard Webhooks) and returns its typed event; see `verifyWebhook`. */
  verify(
    payload: string | Uint8Array,
    headers: WebhookHeaders,
    secret: string | readonly string[],
    options?: VerifyOptions,
  ): WebhookEvent {
    return verifyWebhook(payload, headers, secret, options);
  }

  /** A handler for Node http, Express or Fastify; see `webhookHandler`. */
  handler(options: HandlerOptions) {
    return webhookHandler(options);
  }
}
