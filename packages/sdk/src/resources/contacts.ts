import { Resource } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { Contact, QueryParams, RequestBody, ResponseBody } from '../types.js';

export type UpdateContactParams = RequestBody<'/v1/contacts/{phone}', 'patch'>;
export type ListContactsQuery = QueryParams<'/v1/contacts', 'get'>;
export type CheckNumberParams = RequestBody<'/v1/contacts/check', 'post'>;

/** Contacts, keyed by E.164 phone number (docs/inbound.md). */
export class Contacts extends Resource {
  get(phone: string, options?: RequestOptions): Promise<Contact> {
    return this.call({ method: 'GET', path: `/v1/contacts/${seg(phone)}`, options });
  }

  list(query?: ListContactsQuery, options?: RequestOptions) {
    return this.paginate<Contact>('/v1/contacts', query, options);
  }

  /** Name, notes or opt-out state; creates the contact if it is new (e.g. to opt a number out). */
  update(phone: string, params: UpdateContactParams, options?: RequestOptions): Promise<Contact> {
    return this.call({ method: 'PATCH', path: `/v1/contacts/${seg(phone)}`, body: params, options });
  }

  /** Forgets the contact and erases the bodies of its messages. */
  delete(phone: string, options?: RequestOptions): Promise<void> {
    return this.call({ method: 'DELETE', path: `/v1/contacts/${seg(phone)}`, options });
  }

  /** Asks WhatsApp whether the number uses it. */
  check(
    params: CheckNumberParams,
    options?: RequestOptions,
  ): Promise<ResponseBody<'/v1/contacts/check', 'post'>> {
    return this.call({ method: 'POST', path: '/v1/contacts/check', body: params, options });
  }
}
