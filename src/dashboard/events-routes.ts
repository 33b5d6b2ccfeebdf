import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { DeviceSchema } from '../devices/views.js';
import { authOf } from '../http/auth.js';
import { errorResponses, MediaResponse } from '../http/schemas.js';
import { openEventStream } from '../http/sse.js';
import { toMessageView } from '../messages/views.js';

// Device events may carry extras (the QR on device.qr); the dashboard gets the device view only.
const DEVICE_FIELDS = Object.keys(DeviceSchema.properties);
const deviceView = (data: Record<string, unknown>) =>
  Object.fromEntries(DEVICE_FIELDS.filter((k) => k in data).map((k) => [k, data[k]]));

/**
 * One stream per open dashboard tab for the whole workspace: message changes and device health.
 * A stream per device would use up the browser's six connections per host.
 */
export function eventRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/dashboard/events',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags: ['dashboard'],
          summary:
            'Server-Sent Events for the dashboard: `message` (a message view), `device` (a device view) and `conversation` (`kind` and a conversation view)',
          response: {
            200: MediaResponse('Server-Sent Events', { 'text/event-stream': Type.String() }),
            ...errorResponses(),
          },
        },
      },
      async (request, reply) => {
        const { workspaceId } = authOf(request);
        openEventStream(request, reply, [], (send) => {
          const offMessages = ctx.bus.subscribe('messages', (row) => {
            if (row.workspace_id === workspaceId) send('message', toMessageView(row));
          });
          const offConversations = ctx.bus.subscribe('conversations', (change) => {
            if (change.workspaceId === workspaceId)
              send('conversation', { kind: change.kind, conversation: change.conversation });
          });
          const offEvents = ctx.bus.subscribe('events', (event) => {
            if (event.workspaceId === workspaceId && event.type.startsWith('device.'))
              send('device', deviceView(event.data));
          });
          return () => {
            offMessages();
            offConversations();
            offEvents();
          };
        });
      },
    );
  };
}
