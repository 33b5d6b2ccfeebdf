import net from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface RawExchange {
  /** Everything the server wrote. */
  text: string;
  /** How the connection ended: closed by the server, reset, or still open when we gave up. */
  ending: 'closed' | 'reset' | 'open';
  /** Socket errors seen: EPIPE when the server stopped reading while we were still sending. */
  errors: string[];
  /** Bytes we had not managed to send when the connection ended (the server stopped reading). */
  unsent: number;
  /** The first answer's status and parsed JSON body, when there is one. */
  status?: number;
  json?: unknown;
}

/** Listens on a loopback port (once) and returns it. */
export async function listenLocal(app: FastifyInstance): Promise<number> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as net.AddressInfo).port;
}

function parseFirst(text: string): Pick<RawExchange, 'status' | 'json'> {
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
  const split = text.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, split))?.[1];
  if (!status) return {};
  let json: unknown;
  if (split >= 0 && length) {
    try {
      json = JSON.parse(text.slice(split + 4, split + 4 + Number(length)));
    } catch {
      json = undefined;
    }
  }
  return { status: Number(status), json };
}

/**
 * Talks raw HTTP over a socket: writes `chunks` (a function gets the socket to write on its own
 * schedule) and waits until the server closes the connection or `giveUpMs` passes.
 */
export function exchange(
  port: number,
  chunks: Array<string | Buffer> | ((socket: net.Socket) => void),
  giveUpMs: number,
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const errors: string[] = [];
    let done = false;
    const finish = (ending: RawExchange['ending']) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const unsent = socket.writableLength;
      socket.destroy();
      const text = Buffer.concat(received).toString('utf8');
      resolve({ text, ending, errors, unsent, ...parseFirst(text) });
    };
    const timer = setTimeout(() => finish('open'), giveUpMs);
    socket.on('data', (d: Buffer) => received.push(d));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      errors.push(err.code ?? err.message);
      finish(err.code === 'ECONNRESET' ? 'reset' : 'closed');
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('connect', () => {
      if (typeof chunks === 'function') chunks(socket);
      else for (const chunk of chunks) socket.write(chunk);
    });
  });
}
