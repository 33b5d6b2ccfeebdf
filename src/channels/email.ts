import nodemailer from 'nodemailer';
import type { NodemailerError, SMTPPoolOptions } from 'nodemailer';
import { ChannelError, safeDetail } from './errors.js';

export interface MailInput {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; throws ChannelError otherwise. */
  send(input: MailInput): Promise<{ messageId: string }>;
  close(): void;
}

export interface MailerOptions {
  /**
   * smtp://user:pass@host:port (STARTTLS when offered) or smtps://… (TLS from the first byte).
   * STARTTLS is skipped for smtp:// to a loopback host — nothing on the wire to protect, and local
   * relays and test servers often offer it with a certificate that would not verify — and for any
   * host with `?tls=off` (e.g. a relay on a private container network). `?tls=required` refuses
   * to send in clear text.
   */
  smtpUrl: string;
  from: string;
  timeoutMs?: number;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function createMailer(options: MailerOptions): Mailer {
  const smtp = parseSmtpUrl(options.smtpUrl);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const transportOptions: SMTPPoolOptions & { pool: true } = {
    pool: true,
    maxConnections: 3,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    ignoreTLS: smtp.ignoreTLS,
    requireTLS: smtp.requireTLS,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
  const transporter = nodemailer.createTransport(transportOptions, { from: options.from });
  // Send failures reach the caller through sendMail; an idle pooled socket dropping must not
  // become an unhandled 'error' event that takes the process down.
  transporter.on('error', () => undefined);

  return {
    async send(input) {
      try {
        const info = await transporter.sendMail({ ...input });
        return { messageId: info.messageId ?? '' };
      } catch (err) {
        const secrets = [smtp.pass, options.smtpUrl, input.subject, input.text, input.html];
        throw toChannelError(err as NodemailerError, secrets);
      }
    },
    close() {
      transporter.close();
    },
  };
}

interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  ignoreTLS: boolean;
  requireTLS: boolean;
}

function parseSmtpUrl(smtpUrl: string): SmtpSettings {
  // The URL holds the password, so it never goes into the error text.
  const url = URL.canParse(smtpUrl) ? new URL(smtpUrl) : undefined;
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new Error('SMTP URL must look like smtp://user:pass@host:port or smtps://user:pass@host:port');
  }
  const secure = url.protocol === 'smtps:';
  const tls = url.searchParams.get('tls');
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
    ignoreTLS: !secure && (tls === 'off' || (tls !== 'required' && LOOPBACK_HOSTS.has(url.hostname))),
    requireTLS: !secure && tls === 'required',
  };
}

function toChannelError(err: NodemailerError, secrets: Array<string | undefined>): ChannelError {
  const reply = err.response ? `: ${safeDetail(err.response, secrets)}` : '';
  if (typeof err.responseCode === 'number') {
    // A 5xx reply is the server's final word on this message; a 4xx (greylisting, full mailbox,
    // rate limit) may pass later.
    return err.responseCode >= 500
      ? new ChannelError(
          'PROVIDER_REJECTED',
          `SMTP server rejected the message (${err.responseCode})${reply}`,
          false,
        )
      : new ChannelError(
          'PROVIDER_UNAVAILABLE',
          `SMTP server deferred the message (${err.responseCode})${reply}`,
          true,
        );
  }
  if (err.code === 'ETIMEDOUT') {
    return new ChannelError('TIMEOUT', 'SMTP server did not answer in time', true);
  }
  const reason = err.originalCode ?? err.code ?? 'unknown error';
  return new ChannelError(
    'PROVIDER_UNAVAILABLE',
    `SMTP server unreachable: ${safeDetail(reason, secrets)}`,
    true,
  );
}
