import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { RateLimitedError, WAPingError, type WAPing, type WebhookEvent } from '@waping/sdk';
import { codePage, phonePage, welcomePage } from './pages.js';

export interface LoginAppOptions {
  waping: WAPing;
  /** Offer the email channel (WAPing has an SMTP server configured). */
  emailFallback: boolean;
  /** The webhook endpoint's signing secret; set once the endpoint exists. */
  webhookSecret: () => string | undefined;
  log?: (line: string) => void;
}

/** What the app remembers about a browser: the login in progress, or who signed in. */
interface Session {
  phone: string;
  verificationId?: string;
  email?: string;
  signedIn: boolean;
}

const COOKIE = 'otp_demo_session';

/**
 * The login example: phone number → a code over WhatsApp (or email) → signed in. WAPing keeps the
 * code: this app only starts the verification and asks WAPing whether the typed code is right.
 */
export function buildLoginApp(options: LoginAppOptions) {
  const { waping } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const sessions = new Map<string, Session>();
  /** Delivery statuses the webhook endpoint received, newest last. */
  const deliveries: WebhookEvent[] = [];
  const app = Fastify();

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  // Webhook signatures cover the exact bytes: keep JSON bodies raw.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const sessionOf = (request: FastifyRequest) => {
    const id = /(?:^|;\s*)otp_demo_session=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1];
    return id ? { id, session: sessions.get(id) } : { id: undefined, session: undefined };
  };
  const startSession = (reply: FastifyReply, session: Session) => {
    const id = randomBytes(18).toString('base64url');
    sessions.set(id, session);
    reply.header('set-cookie', `${COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=/`);
  };
  const html = (reply: FastifyReply, page: string, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').send(page);

  app.get('/', async (request, reply) => {
    const { session } = sessionOf(request);
    if (session?.signedIn) return html(reply, welcomePage(session.phone));
    if (session?.verificationId) return reply.redirect('/verify');
    return html(reply, phonePage({ emailFallback: options.emailFallback }));
  });

  app.post<{ Body: { phone?: string; email?: string } }>('/login', async (request, reply) => {
    const phone = (request.body.phone ?? '').replace(/[\s()-]/g, '');
    const email = options.emailFallback ? request.body.email?.trim() || undefined : undefined;
    try {
      const verification = await waping.verifications.start({
        to: phone,
        channels: email ? ['whatsapp', 'email'] : ['whatsapp'],
        ...(email ? { email, channelTimeoutSeconds: 30 } : {}),
      });
      startSession(reply, {
        phone: verification.to,
        verificationId: verification.id,
        email,
        signedIn: false,
      });
      return reply.redirect('/verify', 303);
    } catch (error) {
      const message =
        error instanceof RateLimitedError
          ? 'Too many codes for this number; try again later.'
          : error instanceof WAPingError && error.code === 'VALIDATION_ERROR'
            ? 'That does not look like a phone number with its country code (+1…).'
            : 'Could not send a code right now.';
      if (!(error instanceof WAPingError)) throw error;
      return html(reply, phonePage({ emailFallback: options.emailFallback, error: message }), 400);
    }
  });

  const showCodePage = async (reply: FastifyReply, session: Session, error?: string) => {
    const verification = await waping.verifications.get(session.verificationId!);
    return html(
      reply,
      codePage({
        phone: session.phone,
        channel: verification.channel,
        canUseEmail: Boolean(session.email) && verification.channel !== 'email',
        ...(error ? { error } : {}),
      }),
      error ? 400 : 200,
    );
  };

  app.get('/verify', async (request, reply) => {
    const { session } = sessionOf(request);
    if (!session?.verificationId) return reply.redirect('/');
    return showCodePage(reply, session);
  });

  app.post<{ Body: { code?: string } }>('/verify', async (request, reply) => {
    const { session } = sessionOf(request);
    if (!session?.verificationId) return reply.redirect('/', 303);
    try {
      const result = await waping.verifications.check(session.verificationId, {
        code: request.body.code ?? '',
      });
      if (result.status === 'approved') {
        session.signedIn = true;
        delete session.verificationId;
        log(`signed in: ${session.phone}`);
        return reply.redirect('/', 303);
      }
      if (result.status === 'pending') {
        return showCodePage(reply, session, `Wrong code. ${result.remainingAttempts} tries left.`);
      }
    } catch (error) {
      if (!(error instanceof WAPingError)) throw error;
    }
    delete session.verificationId;
    return html(
      reply,
      phonePage({
        emailFallback: options.emailFallback,
        error: 'That code no longer works; ask for a new one.',
      }),
      400,
    );
  });

  app.post('/resend-email', async (request, reply) => {
    const { session } = sessionOf(request);
    if (!session?.verificationId || !session.email) return reply.redirect('/', 303);
    await waping.verifications.resend(session.verificationId, { channel: 'email' });
    return reply.redirect('/verify', 303);
  });

  const logout = async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = sessionOf(request);
    if (id) sessions.delete(id);
    reply.header('set-cookie', `${COOKIE}=; Max-Age=0; Path=/`);
    return reply.redirect('/', 303);
  };
  app.get('/logout', logout);
  app.post('/logout', logout);

  // Delivery statuses from WAPing's developer webhooks, verified before they are believed.
  app.post('/webhooks/waping', (request, reply) =>
    waping.webhooks.handler({
      secret: options.webhookSecret() ?? '',
      onEvent: (event) => {
        deliveries.push(event);
        log(`webhook ${describeEvent(event)}`);
      },
      onError: (error) => log(`webhook refused: ${error.reason}`),
    })(request, reply),
  );

  app.get('/webhooks/recent', async () => deliveries.slice(-50));

  return app;
}

/** One log line per event: for messages, which one went where and its status now. */
function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case 'message.sent':
    case 'message.delivered':
    case 'message.read':
    case 'message.failed':
    case 'message.expired':
    case 'message.received':
      return `${event.type}: ${event.data.id} (${event.data.to ?? event.data.from}) is ${event.data.status}`;
    default:
      return `${event.type}: ${JSON.stringify(event.data)}`;
  }
}
