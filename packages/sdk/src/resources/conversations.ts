import { Resource } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type {
  Conversation,
  ConversationNote,
  Message,
  QueryParams,
  RequestBody,
  ResponseBody,
} from '../types.js';

export type ListConversationsQuery = QueryParams<'/v1/conversations', 'get'>;
export type ConversationMessagesQuery = QueryParams<'/v1/conversations/{id}/messages', 'get'>;
export type ReplyParams = RequestBody<'/v1/conversations/{id}/messages', 'post'>;
export type UpdateConversationParams = RequestBody<'/v1/conversations/{id}', 'patch'>;
export type AddNoteParams = RequestBody<'/v1/conversations/{id}/notes', 'post'>;
export type ConversationReply = ResponseBody<'/v1/conversations/{id}/messages', 'post'>;

/** The team inbox: one conversation per line and customer (docs/inbox.md). */
export class Conversations extends Resource {
  /** Most recent activity first; filters as the API's (status, assignee `me`/`none`, tag, q…). */
  list(query?: ListConversationsQuery, options?: RequestOptions) {
    return this.paginate<Conversation>('/v1/conversations', query, options);
  }

  get(id: string, options?: RequestOptions): Promise<Conversation> {
    return this.call({ method: 'GET', path: `/v1/conversations/${seg(id)}`, options });
  }

  /** The thread, both directions, oldest first. */
  messages(id: string, query?: ConversationMessagesQuery, options?: RequestOptions) {
    return this.paginate<Message>(`/v1/conversations/${seg(id)}/messages`, query, options);
  }

  /** Answers the customer on the conversation's line. Retried safely with one Idempotency-Key. */
  reply(id: string, params: ReplyParams, options?: RequestOptions): Promise<ConversationReply> {
    return this.call({
      method: 'POST',
      path: `/v1/conversations/${seg(id)}/messages`,
      body: params,
      creates: true,
      options,
    });
  }

  /** Status, assignee or tags. */
  update(id: string, params: UpdateConversationParams, options?: RequestOptions): Promise<Conversation> {
    return this.call({ method: 'PATCH', path: `/v1/conversations/${seg(id)}`, body: params, options });
  }

  /** Marks the thread read for the team. */
  markRead(id: string, options?: RequestOptions): Promise<Conversation> {
    return this.call({ method: 'POST', path: `/v1/conversations/${seg(id)}/read`, options });
  }

  /** An internal note for the team; never sent to WhatsApp. */
  addNote(id: string, params: AddNoteParams, options?: RequestOptions): Promise<ConversationNote> {
    return this.call({ method: 'POST', path: `/v1/conversations/${seg(id)}/notes`, body: params, options });
  }

  notes(id: string, options?: RequestOptions) {
    return this.paginate<ConversationNote>(`/v1/conversations/${seg(id)}/notes`, {}, options);
  }
}
