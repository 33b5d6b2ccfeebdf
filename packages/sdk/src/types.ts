// Request and response types of the API, derived from the generated OpenAPI types the dashboard
// uses too (packages/api-types/openapi.ts), so the SDK cannot drift from the server's schema.
import type { components, paths } from '@waping/api-types';

export type { components, paths };

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON body an operation takes. */
export type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters an operation takes. */
export type QueryParams<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type Success = 200 | 201 | 202 | 204;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;

/** What a successful answer holds (the union over its 2xx statuses; `undefined` for 204). */
export type ResponseBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? { [S in keyof R & Success]: JsonOf<R[S]> }[keyof R & Success]
    : never;

type Schemas = components['schemas'];
export type Message = Schemas['Message'];
export type Device = Schemas['Device'];
export type Pacing = Schemas['Pacing'];
export type Template = Schemas['Template'];
export type Contact = Schemas['Contact'];
export type Webhook = Schemas['Webhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type Verification = Schemas['Verification'];
export type AutoReplyRule = Schemas['AutoReplyRule'];
export type ApiKey = Schemas['ApiKey'];
export type AuditEvent = Schemas['AuditEvent'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
export type Conversation = Schemas['Conversation'];
export type ConversationNote = Schemas['ConversationNote'];
/** A stored file, as the API describes it (upload answer and `GET /v1/media/{id}/info`). */
export type MediaFile = ResponseBody<'/v1/media/{id}/info', 'get'>;

/** One page of a keyset-paginated list. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
