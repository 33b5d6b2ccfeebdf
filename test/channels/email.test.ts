import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../../src/channels/email.js';
import { startSmtpServer } from './helpers.js';
import { unusedPort } from './http-recorder.js';
import { expectChannelError } from './expect-channel-error.js';

const FROM = 'WAPing <no-reply@waping.test>';

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  // Mailers first: a pooled connection left open would hold the server's close.
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function mailerWithServer(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const server = await startSmtpServer(options);
  cleanups.push(server.close);
  const mailer = track(createMailer({ smtpUrl: server.url, from: FROM, timeoutMs: 2_000 }));
  return { server, mailer };
}

function track(mailer: Mailer): Mailer {
  cleanups.push(() => mailer.close());
  return mailer;
}

const sendError = (promise: Promise<unknown>) => expectChannelError(promise, ['918273']);

describe('SMTP mailer', () => {
  it('delivers the message with the right envelope, subject and text', async () => {
    const { server, mailer } = await mailerWithServer();
    const sent = await mailer.send({
      to: 'alice@example.com',
      subject: 'Your code: 918273',
      text: 'Your WAPing code is 918273. It expires in 10 minutes.',
    });

    expect(sent.messageId).toMatch(/^<.+@.+>$/);
    const mail = await server.waitForMessage();
    expect(mail).toMatchObject({
      from: 'no-reply@waping.test',
      to: ['alice@example.com'],
      subject: 'Your code: 918273',
      text: 'Your WAPing code is 918273. It expires in 10 minutes.',
    });
    expect(mail.headers.get('from')).toBe(FROM);
  });

  it('sends to several recipients and survives quoted-printable, non-ASCII and html bodies', async () => {
    const { server, mailer } = await mailerWithServer();
    const text = `Bonjour Zoë — ${'long line '.repeat(20)}end\nsecond line`;
    await mailer.send({
      to: ['ops@example.com', 'oncall@example.com'],
      subject: 'Téléphone déconnecté ✔',
      text,
      html: '<p>Téléphone déconnecté</p>',
    });

    const mail = await server.waitForMessage();
    expect(mail.to).toEqual(['ops@example.com', 'oncall@example.com']);
    expect(mail.subject).toBe('Téléphone déconnecté ✔');
    expect(mail.text).toBe(text);
    expect(mail.html).toBe('<p>Téléphone déconnecté</p>');
  });

  it('reports a 550 at RCPT as a final rejection', async () => {
    const { server, mailer } = await mailerWithServer({ rejectRecipients: ['ghost@example.com'] });
    const err = await sendError(
      mailer.send({ to: 'ghost@example.com', subject: 'Code', text: 'code 918273' }),
    );
    expect(err).toMatchObject({ code: 'PROVIDER_REJECTED', retryable: false });
    expect(err.message).toContain('550');
    expect(server.messages).toHaveLength(0);
  });

  it('treats a 4xx reply as retryable and recovers on the next send', async () => {
    const { server, mailer } = await mailerWithServer();
    server.failNext(451);
    const err = await sendError(mailer.send({ to: 'bob@example.com', subject: 'Code', text: 'code 918273' }));
    expect(err).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });

    await mailer.send({ to: 'bob@example.com', subject: 'Code', text: 'second try' });
    await expect(server.waitForMessage((m) => m.text === 'second try')).resolves.toBeTruthy();
  });

  it('skips STARTTLS on loopback, where a self-signed certificate would not verify', async () => {
    const { server, mailer } = await mailerWithServer({ offerStartTls: true });
    await mailer.send({ to: 'alice@example.com', subject: 'Hi', text: 'plain on loopback' });
    expect(server.messages.map((m) => m.text)).toEqual(['plain on loopback']);

    // The same server with ?tls=required: STARTTLS is attempted and the certificate refused.
    const strict = track(
      createMailer({ smtpUrl: `${server.url}?tls=required`, from: FROM, timeoutMs: 2_000 }),
    );
    const err = await sendError(strict.send({ to: 'alice@example.com', subject: 'Hi', text: 'never' }));
    expect(err).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(server.messages).toHaveLength(1);
  });

  it('gives up with TIMEOUT on a server that never greets', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const { port } = silent.address() as AddressInfo;
    const mailer = track(createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 200 }));
    const err = await sendError(mailer.send({ to: 'bob@example.com', subject: 'Code', text: 'code 918273' }));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('reports nothing listening as PROVIDER_UNAVAILABLE without leaking the password', async () => {
    const port = await unusedPort();
    const mailer = track(
      createMailer({ smtpUrl: `smtp://user:hunter2pass@127.0.0.1:${port}`, from: FROM, timeoutMs: 2_000 }),
    );
    const err = await sendError(mailer.send({ to: 'bob@example.com', subject: 'Code', text: 'code 918273' }));
    expect(err).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(err.message).not.toContain('hunter2pass');
  });

  it('refuses a URL that is not smtp:// or smtps:// without echoing it', () => {
    expect(() => createMailer({ smtpUrl: 'http://user:hunter2pass@mail.example.com', from: FROM })).toThrow(
      /^SMTP URL must look like smtp:\/\/user:pass@host:port/,
    );
  });
});
