import { Resource, type ListQuery } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { ApiKey, RequestBody, ResponseBody } from '../types.js';

export type CreateApiKeyParams = RequestBody<'/v1/api-keys', 'post'>;
export type CreatedApiKey = ResponseBody<'/v1/api-keys', 'post'>;
export type WorkspaceView = ResponseBody<'/v1/workspace', 'get'>;

/** API keys of the workspace (the `admin` scope); a new key's value is in the create answer only. */
export class ApiKeys extends Resource {
  create(params: CreateApiKeyParams, options?: RequestOptions): Promise<CreatedApiKey> {
    return this.call({ method: 'POST', path: '/v1/api-keys', body: params, creates: true, options });
  }

  list(query?: ListQuery, options?: RequestOptions) {
    return this.paginate<ApiKey>('/v1/api-keys', query, options);
  }

  revoke(id: string, options?: RequestOptions): Promise<ResponseBody<'/v1/api-keys/{id}', 'delete'>> {
    return this.call({ method: 'DELETE', path: `/v1/api-keys/${seg(id)}`, options });
  }
}

/** The workspace: plan, limits, usage this month, settings. */
export class Workspace extends Resource {
  get(options?: RequestOptions): Promise<WorkspaceView> {
    return this.call({ method: 'GET', path: '/v1/workspace', options });
  }

  update(params: RequestBody<'/v1/workspace', 'patch'>, options?: RequestOptions): Promise<WorkspaceView> {
    return this.call({ method: 'PATCH', path: '/v1/workspace', body: params, options });
  }
}
