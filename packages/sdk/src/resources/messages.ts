import { Resource } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { Message, QueryParams, RequestBody, ResponseBody } from '../types.js';

export type SendMessageParams = RequestBody<'/v1/messages', 'post'>;
export type SentMessage = ResponseBody<'/v1/messages', 'post'>;
export type ListMessagesQuery = QueryParams<'/v1/messages', 'get'>;
export type MessageWithTimeline = ResponseBody<'/v1/messages/{id}', 'get'>;

/** The message log and sending (docs/api.md, "Sending messages"). */
export class Messages extends Resource {
  /** Queues a message. Retried safely: the same Idempotency-Key on every attempt, so it is sent once. */
  send(params: SendMessageParams, options?: RequestOptions): Promise<SentMessage> {
    return this.call({ method: 'POST', path: '/v1/messages', body: params, creates: true, options });
  }

  get(id: string, options?: RequestOptions): Promise<MessageWithTimeline> {
    return this.call({ method: 'GET', path: `/v1/messages/${seg(id)}`, options });
  }

  /** Newest first; iterate it with `for await`. */
  list(query?: ListMessagesQuery, options?: RequestOptions) {
    return this.paginate<Message>('/v1/messages', query, options);
  }

  /** Cancels a message that is still queued (`ConflictError` once it left). */
  cancel(id: string, options?: RequestOptions): Promise<ResponseBody<'/v1/messages/{id}/cancel', 'post'>> {
    return this.call({ method: 'POST', path: `/v1/messages/${seg(id)}/cancel`, options });
  }
}
