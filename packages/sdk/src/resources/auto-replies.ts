import { Resource, type ListQuery } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { AutoReplyRule, RequestBody, ResponseBody } from '../types.js';

export type CreateAutoReplyParams = RequestBody<'/v1/auto-replies', 'post'>;
export type UpdateAutoReplyParams = RequestBody<'/v1/auto-replies/{id}', 'patch'>;
export type FromPresetParams = RequestBody<'/v1/auto-replies/presets/{presetId}', 'post'>;

/** Auto-reply rules, tried in priority order (docs/inbound.md). */
export class AutoReplies extends Resource {
  create(params: CreateAutoReplyParams, options?: RequestOptions): Promise<AutoReplyRule> {
    return this.call({ method: 'POST', path: '/v1/auto-replies', body: params, creates: true, options });
  }

  /** A rule from a ready-made preset (`presets()` lists them). */
  createFromPreset(
    presetId: string,
    params: FromPresetParams,
    options?: RequestOptions,
  ): Promise<AutoReplyRule> {
    return this.call({
      method: 'POST',
      path: `/v1/auto-replies/presets/${seg(presetId)}`,
      body: params,
      creates: true,
      options,
    });
  }

  presets(options?: RequestOptions): Promise<ResponseBody<'/v1/auto-replies/presets', 'get'>> {
    return this.call({ method: 'GET', path: '/v1/auto-replies/presets', options });
  }

  get(id: string, options?: RequestOptions): Promise<AutoReplyRule> {
    return this.call({ method: 'GET', path: `/v1/auto-replies/${seg(id)}`, options });
  }

  list(query?: ListQuery, options?: RequestOptions) {
    return this.paginate<AutoReplyRule>('/v1/auto-replies', query, options);
  }

  update(id: string, params: UpdateAutoReplyParams, options?: RequestOptions): Promise<AutoReplyRule> {
    return this.call({ method: 'PATCH', path: `/v1/auto-replies/${seg(id)}`, body: params, options });
  }

  delete(id: string, options?: RequestOptions): Promise<void> {
    return this.call({ method: 'DELETE', path: `/v1/auto-replies/${seg(id)}`, options });
  }
}
