import http from 'node:http';
import https from 'node:https';
import { PassThrough, type Readable } from 'node:stream';
import { AppError } from '../lib/errors.js';
import { checkWebhookUrl, publicOnlyLookup, type UrlProblem } from '../webhooks/url-guard.js';
import { MAX_ANY_BYTES } from './kinds.js';

const MAX_REDIRECTS = 5;

export interface FetchOptions {
  timeoutMs: number;
  /** Tests only: loopback and private addresses allowed. */
  allowPrivate: boolean;
  /**
   * How one URL of the chain is judged; the webhook rule by default. Tests pass one that takes
   * their loopback server as a public host, to prove what a redirect from there is refused.
   */
  checkUrl?: (url: string) => Promise<UrlProblem | null>;
}

const refused = (url: string, why: string) =>
  new AppError('MEDIA_URL_REFUSED', `The media URL ${why}`, { url });
const failed = (message: string) => new AppError('MEDIA_FETCH_FAILED', message);

/** Checks one URL of the chain: http(s), and a public address (the webhook rule). */
async function checkHop(url: string, options: FetchOptions): Promise<void> {
  const problem = await (options.checkUrl ?? ((u) => checkWebhookUrl(u, options.allowPrivate)))(url);
  if (problem === 'scheme') throw refused(url, 'must be an http(s) URL');
  if (problem === 'private') throw refused(url, 'points at a private or local address');
  if (problem === 'unresolvable') throw failed(`The media URL's host does not resolve`);
}

/**
 * Fetches a file for sending: every URL of the redirect chain is checked like a webhook URL (and
 * the address is checked again when connecting, against DNS rebinding), the answer must be a
 * 200, and the whole download has a deadline; the body is streamed, never held. The caller's
 * media checker applies the size limit of the kind; a body beyond any limit is cut here.
 */
export async function fetchMedia(
  raw: string,
  options: FetchOptions,
): Promise<{ body: Readable; filename?: string }> {
  const deadline = Date.now() + options.timeoutMs;
  let url = raw;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    await checkHop(url, options);
    const answer = await get(url, options, deadline);
    const { statusCode = 0, headers } = answer.response;
    if (statusCode >= 300 && statusCode < 400 && headers.location) {
      answer.response.resume();
      url = new URL(headers.location, url).toString();
      continue;
    }
    if (statusCode !== 200) {
      answer.response.resume();
      answer.done();
      throw failed(`Fetching the media URL answered ${statusCode}, not 200`);
    }
    const declared = Number(headers['content-length'] ?? NaN);
    if (declared > MAX_ANY_BYTES) {
      answer.response.destroy();
      answer.done();
      throw new AppError('MEDIA_TOO_LARGE', 'The file at the media URL is larger than any WhatsApp allows');
    }
    const body = new PassThrough();
    answer.response.on('error', (err) =>
      body.destroy(failed(`Fetching the media URL failed: ${err.message}`)),
    );
    answer.response.on('end', answer.done);
    answer.response.pipe(body);
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    return { body, ...(name ? { filename: name } : {}) };
  }
  throw failed(`The media URL redirects more than ${MAX_REDIRECTS} times`);
}

function get(
  url: string,
  options: FetchOptions,
  deadline: number,
): Promise<{ response: http.IncomingMessage; done: () => void }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.get(target, {
      headers: { 'user-agent': 'WAPing-Media/1.0', accept: '*/*' },
      ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    // The deadline covers the whole download, body included: the request is cut when it passes.
    const timer = setTimeout(
      () =>
        request.destroy(
          failed(`The media URL did not answer within ${Math.round(options.timeoutMs / 1000)} s`),
        ),
      Math.max(0, deadline - Date.now()),
    );
    timer.unref();
    const done = () => clearTimeout(timer);
    request.on('error', (err: Error & { code?: string }) => {
      done();
      if (err instanceof AppError) return reject(err);
      if (err.code === 'EPRIVATEADDRESS') return reject(refused(url, 'points at a private or local address'));
      reject(failed(`Fetching the media URL failed: ${err.message}`));
    });
    request.on('response', (response) => {
      // A failure after the answer started reaches the body's reader through the response.
      request.removeAllListeners('error');
      request.on('error', (err) => response.destroy(err));
      resolve({ response, done });
    });
  });
}
