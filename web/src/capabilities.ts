import { api, type Answer } from './api';
import { useResource } from './hooks/useResource';

export type Capabilities = Answer<'get', '/v1/dashboard/capabilities'>;

/** What the server is configured for (SMS, email), so pages offer only what works. */
export function useCapabilities(): Capabilities | undefined {
  return useResource(() => api.get('/v1/dashboard/capabilities'), 'capabilities').data;
}
