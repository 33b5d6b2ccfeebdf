import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.js';
import { authRoutes } from './auth-routes.js';
import { capabilitiesRoute } from './capabilities-route.js';
import { eventRoutes } from './events-routes.js';
import { sessionResolver } from './resolver.js';
import { settingsRoute } from './settings-route.js';
import { registerWebApp } from './static.js';
import { teamPasswordRoute } from './team-password-route.js';
import { teamRoutes } from './team-routes.js';
import { twoFactorRoutes } from './two-factor-routes.js';

/**
 * The dashboard: cookie sessions for every /v1 route, the /auth endpoints, the team API and the
 * built web app. Not encapsulated, because the session resolver belongs to the root instance.
 */
export function dashboard(ctx: AppContext) {
  return fp(
    async (app: FastifyInstance) => {
      // Cookies are parsed by the resolver on demand: the auth hook runs before any parsing hook
      // this plugin could add.
      await app.register(fastifyCookie, { hook: false });
      app.sessionResolver = sessionResolver(app, ctx);
      await app.register(authRoutes(ctx, app));
      await app.register(twoFactorRoutes(ctx, app));
      await app.register(settingsRoute(ctx, app));
      await app.register(teamRoutes(ctx));
      await app.register(teamPasswordRoute(ctx));
      await app.register(eventRoutes(ctx));
      await app.register(capabilitiesRoute(ctx));
      await registerWebApp(app, ctx.config);
    },
    { name: 'waping-dashboard' },
  );
}
