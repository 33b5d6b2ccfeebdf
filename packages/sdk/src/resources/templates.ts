import { Resource, type ListQuery } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { RequestBody, Template } from '../types.js';

export type CreateTemplateParams = RequestBody<'/v1/templates', 'post'>;
export type UpdateTemplateParams = RequestBody<'/v1/templates/{id}', 'patch'>;

/** Message templates; `{{name}}` marks a variable (docs/api.md, "Templates"). */
export class Templates extends Resource {
  create(params: CreateTemplateParams, options?: RequestOptions): Promise<Template> {
    return this.call({ method: 'POST', path: '/v1/templates', body: params, creates: true, options });
  }

  get(id: string, options?: RequestOptions): Promise<Template> {
    return this.call({ method: 'GET', path: `/v1/templates/${seg(id)}`, options });
  }

  list(query?: ListQuery, options?: RequestOptions) {
    return this.paginate<Template>('/v1/templates', query, options);
  }

  update(id: string, params: UpdateTemplateParams, options?: RequestOptions): Promise<Template> {
    return this.call({ method: 'PATCH', path: `/v1/templates/${seg(id)}`, body: params, options });
  }

  delete(id: string, options?: RequestOptions): Promise<void> {
    return this.call({ method: 'DELETE', path: `/v1/templates/${seg(id)}`, options });
  }
}
