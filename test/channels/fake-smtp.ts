import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail } from './mime.js';
import { createArrivals } from './arrivals.js';

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  headers: Map<string, string>;
  raw: string;
}

export interface FakeSmtpServer {
  /** smtp://127.0.0.1:<port>, no auth, no TLS. */
  url: string;
  messages: ReceivedMail[];
  /** Refuse the next message at MAIL FROM with this SMTP reply code (5xx final, 4xx deferred). */
  failNext(responseCode: number): void;
  /** Resolves with the first received message matching `match`, including ones already received. */
  waitForMessage(match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface FakeSmtpOptions {
  /** Recipients answered with 550 at RCPT TO, like a server without that mailbox. */
  rejectRecipients?: string[];
  /** Advertise STARTTLS (with smtp-server's self-signed certificate), like many local relays do. */
  offerStartTls?: boolean;
}

export async function startSmtpServer(options: FakeSmtpOptions = {}): Promise<FakeSmtpServer> {
  const messages: ReceivedMail[] = [];
  const failures: number[] = [];
  const arrivals = createArrivals(messages, 'mail');
  const rejected = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: options.offerStartTls ? [] : ['STARTTLS'],
    logger: false,
    // Pooled clients keep connections open; the default 30 s grace would stall every test teardown.
    closeTimeout: 100,
    onMailFrom(_address, _session, callback) {
      const code = failures.shift();
      callback(code ? smtpError(code, 'Refused by the test server') : null);
    },
    onRcptTo(address, _session, callback) {
      const refuse = rejected.has(address.address.toLowerCase());
      callback(refuse ? smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected`) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parseMail(raw);
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject,
          text: parsed.text,
          html: parsed.html,
          headers: parsed.headers,
          raw,
        });
        arrivals.notify();
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext(responseCode) {
      failures.push(responseCode);
    },
    waitForMessage: (match, timeoutMs) => arrivals.waitFor(match, timeoutMs),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
