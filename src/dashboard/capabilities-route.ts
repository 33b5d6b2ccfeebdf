import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { configuredChannels } from '../channels/configured.js';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/schemas.js';

const CapabilitiesSchema = Type.Object(
  {
    channels: Type.Object({
      whatsapp: Type.Boolean(),
      sms: Type.Boolean({
        description: 'An SMS provider is configured (WAPING_SMS_PROVIDER, Twilio or webhook)',
      }),
      email: Type.Boolean({ description: 'An SMTP server is configured (WAPING_SMTP_URL)' }),
    }),
    alertEmails: Type.Boolean({ description: 'Alert emails can go out (WAPING_SMTP_URL is set)' }),
  },
  { $id: 'Capabilities' },
);

/**
 * What this server is configured to do, so the dashboard offers only what works (no SMS channel
 * without a provider) and says what is missing (alert addresses without SMTP).
 */
export function capabilitiesRoute(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/dashboard/capabilities',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags: ['dashboard'],
          summary: 'What this server is configured for: verification channels and alert emails',
          response: { 200: CapabilitiesSchema, ...errorResponses() },
        },
      },
      async () => {
        const channels = configuredChannels(ctx.config);
        return { channels, alertEmails: channels.email };
      },
    );
  };
}
