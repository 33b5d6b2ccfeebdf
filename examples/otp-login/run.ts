// `npm run example:otp`: a local SMTP server (the email fallback), WAPing in sandbox mode (the
// same `bin/waping.js serve` that `npm start` runs) on a fresh data folder, a linked sandbox line,
// and the login example with its webhook endpoint registered. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';
import { WAPing } from '@waping/sdk';
import { buildLoginApp } from './app.js';

const root = join(import.meta.dirname, '..', '..');
const wapingPort = process.env.WAPING_PORT ?? '3000';
const examplePort = Number(process.env.EXAMPLE_PORT ?? '3100');
const withEmail = process.env.EXAMPLE_EMAIL !== 'off';
const apiKey = `wap_demo_${randomBytes(16).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'waping-otp-demo-'));
const say = (line: string) => process.stdout.write(`${line}\n`);

/** A mailbox on loopback that prints what WAPing sends, so the email fallback is visible. */
async function startMailbox(): Promise<{ url: string; close: () => void }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        const subject = /^Subject: (.*)$/m.exec(mail)?.[1] ?? '';
        say(`[mailbox] email to ${to}: ${subject}`);
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}?tls=off`, close: () => smtp.close() };
}

/** Runs WAPing as its own process and resolves with its URL once it listens. */
function startWaping(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(root, 'bin', 'waping.js'), 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(process.stderr);
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
      else if (/"level":(40|50|60)/.test(line)) process.stderr.write(`${line}\n`);
    });
    child.once('exit', (code) => reject(new Error(`WAPing exited with ${code}`)));
  });
  return { child, url };
}

async function linkSandboxLine(waping: WAPing): Promise<void> {
  const device = await waping.devices.create({ name: 'Demo line' });
  await waping.devices.connect(device.id);
  for (let i = 0; (await waping.devices.get(device.id)).status !== 'qr'; i++) {
    if (i > 200) throw new Error('the sandbox device never showed a QR');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await waping.sandbox.scan(device.id, { phone: '+15550000100' });
}

const mailbox = withEmail ? await startMailbox() : undefined;
const waping = startWaping({
  HOST: '127.0.0.1',
  PORT: wapingPort,
  LOG_LEVEL: 'info',
  WAPING_SANDBOX: 'true',
  WAPING_DATA_DIR: dataDir,
  WAPING_MASTER_KEY: randomBytes(32).toString('base64url'),
  WAPING_API_KEY: apiKey,
  WAPING_WEBHOOK_ALLOW_PRIVATE: 'true',
  ...(mailbox ? { WAPING_SMTP_URL: mailbox.url } : {}),
});

/** Prints what the sandbox's simulated phones receive: where a real user would read the code. */
function watchSandboxPhones(waping: WAPing): NodeJS.Timeout {
  const shown = new Set<string>();
  return setInterval(() => {
    waping.sandbox
      .messages({ limit: 20 })
      .then(({ data }) => {
        for (const message of data.reverse()) {
          if (shown.has(message.id)) continue;
          shown.add(message.id);
          say(`[sandbox phone ${message.to}] WhatsApp: ${message.text}`);
        }
      })
      .catch(() => undefined);
  }, 1000);
}

let webhookSecret: string | undefined;
let app: ReturnType<typeof buildLoginApp> | undefined;
let phones: NodeJS.Timeout | undefined;
const stop = async (code = 0) => {
  clearInterval(phones);
  await app?.close();
  mailbox?.close();
  waping.child.kill('SIGTERM');
  await new Promise((resolve) => waping.child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

try {
  const wapingUrl = await waping.url;
  const client = new WAPing({ apiKey, baseUrl: wapingUrl });
  app = buildLoginApp({
    waping: client,
    emailFallback: Boolean(mailbox),
    webhookSecret: () => webhookSecret,
    log: say,
  });
  const exampleUrl = (await app.listen({ host: '127.0.0.1', port: examplePort })).replace(
    'localhost',
    '127.0.0.1',
  );
  await linkSandboxLine(client);
  const endpoint = await client.webhooks.create({
    url: `${exampleUrl}/webhooks/waping`,
    events: ['message.sent', 'message.delivered', 'message.read', 'message.failed', 'verification.approved'],
    description: 'OTP login example',
  });
  webhookSecret = endpoint.secret;
  phones = watchSandboxPhones(client);
  say(`WAPing (sandbox) runs at ${wapingUrl}, API key ${apiKey}`);
  if (mailbox)
    say(`Email fallback on: codes that WhatsApp cannot deliver arrive in the local mailbox (${mailbox.url})`);
  say(`Open ${exampleUrl} and sign in with any number, like +15551234567: the code shows up below.`);
  say(`  (+15555550101 is "not on WhatsApp" in the sandbox: give an email to see the fallback.)`);
  say(JSON.stringify({ ready: true, waping: wapingUrl, example: exampleUrl, apiKey }));
} catch (error) {
  console.error(error);
  await stop(1);
}
