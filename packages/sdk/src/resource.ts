import { PageIterator } from './pagination.js';
import type { ApiRequest, RequestOptions, Transport } from './transport.js';
import type { Page } from './types.js';

/** Query of a list call: its filters, `limit` (page size) and `cursor` (where to start). */
export interface ListQuery {
  limit?: number;
  cursor?: string;
}

/** What every resource shares: calls through the client's transport, lists as page iterators. */
export abstract class Resource {
  constructor(protected readonly transport: Transport) {}

  protected async call<T>(request: ApiRequest): Promise<T> {
    return (await this.transport.request<T>(request)).data;
  }

  protected paginate<T>(path: string, query: ListQuery = {}, options?: RequestOptions): PageIterator<T> {
    const { cursor, ...filters } = query;
    return new PageIterator<T>(
      (next) => this.call<Page<T>>({ method: 'GET', path, query: { ...filters, cursor: next }, options }),
      cursor,
    );
  }
}
