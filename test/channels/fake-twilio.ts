import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createArrivals } from './arrivals.js';

export interface TwilioRequest {
  to: string;
  /** The From number, or the MessagingServiceSid when one was sent instead. */
  from: string;
  body: string;
}

export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Messages the fake accepted (201), in arrival order; failed attempts are not recorded. */
  requests: TwilioRequest[];
  /** Answer the next request with this status and JSON body (a Twilio-style error by default). */
  failNext(status: number, body?: object): void;
  /** Resolves with the first accepted request matching `match`, including ones already received. */
  waitForRequest(match?: (req: TwilioRequest) => boolean, timeoutMs?: number): Promise<TwilioRequest>;
  close(): Promise<void>;
}

/** A real HTTP server speaking the part of Twilio's Messages API that WAPing uses. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const requests: TwilioRequest[] = [];
  const failures: Array<{ status: number; body?: object }> = [];
  const arrivals = createArrivals(requests, 'SMS');

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
        return reply(res, 404, twilioError(20404, 'The requested resource was not found', 404));
      }
      if (req.headers.authorization !== expectedAuth) {
        return reply(res, 401, twilioError(20003, 'Authenticate', 401));
      }
      const failure = failures.shift();
      if (failure) {
        return reply(
          res,
          failure.status,
          failure.body ?? twilioError(30001, 'Queue overflow', failure.status),
        );
      }
      const form = new URLSearchParams(raw);
      const to = form.get('To') ?? '';
      const from = form.get('From') ?? form.get('MessagingServiceSid') ?? '';
      const body = form.get('Body') ?? '';
      if (!to || !from || !body) {
        return reply(res, 400, twilioError(21604, "A 'To', 'From' and 'Body' are required", 400));
      }
      requests.push({ to, from, body });
      arrivals.notify();
      const sid = `SM${randomBytes(16).toString('hex')}`;
      reply(res, 201, { sid, account_sid: accountSid, to, from, body, status: 'queued' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    failNext(status, body) {
      failures.push({ status, body });
    },
    waitForRequest: (match, timeoutMs) => arrivals.waitFor(match, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function twilioError(code: number, message: string, status: number): object {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
