/**
 * Send load for the crash suite: clients that send messages with an `Idempotency-Key` each and,
 * like a careful integration, retry with the same key on any failure (refused connection, a
 * 5xx, a 409 while the key's first request is still in progress or while the device is not back
 * yet after a restart) until the send is accepted.
 */
import type { CrashableServer } from './crash-kit.js';
import { sleep } from './crash-kit.js';

export interface PlannedSend {
  key: string;
  deviceId: string;
  to: string;
  text: string;
  /** Every message id the API answered for this key; more than one is a duplicate. */
  ids: Set<string>;
  attempts: number;
}

/**
 * Answers worth retrying with the same key; anything else is a fault of the server. A node started
 * again after a kill says its devices are `disconnected` (node_lost) until their engines are back,
 * and a send naming such a device is refused with SESSION_DISCONNECTED meanwhile; a refusal leaves
 * nothing behind, so the same key goes again.
 */
function retryable(status: number, code: unknown): boolean {
  return (
    status >= 500 ||
    status === 429 ||
    (status === 409 && (code === 'IDEMPOTENCY_IN_PROGRESS' || code === 'SESSION_DISCONNECTED'))
  );
}

/** Sends one planned message until the API accepts it (or its stored answer is replayed). */
export async function sendUntilAccepted(server: CrashableServer, plan: PlannedSend): Promise<void> {
  for (;;) {
    plan.attempts++;
    let answer;
    try {
      answer = await server.api(
        'POST',
        '/v1/messages',
        { to: plan.to, deviceId: plan.deviceId, type: 'text', text: { body: plan.text } },
        { 'idempotency-key': plan.key },
      );
    } catch {
      // The server is down or died mid-request: the same key again, a moment later.
      await sleep(200);
      continue;
    }
    if (answer.status === 202 || answer.status === 200) {
      plan.ids.add(String(answer.json.id));
      return;
    }
    const code = (answer.json.error as { code?: unknown } | undefined)?.code;
    if (!retryable(answer.status, code)) {
      throw new Error(`${plan.key}: ${answer.status} ${JSON.stringify(answer.json)}`);
    }
    await sleep(200);
  }
}

/**
 * Runs `workers` clients sending new messages one after the other until `stop()` says so; each
 * started message is carried through to acceptance. Resolves with every planned send.
 */
export async function sendLoad(
  server: CrashableServer,
  options: { workers: number; devices: string[]; stop: () => boolean; max: number },
): Promise<PlannedSend[]> {
  const planned: PlannedSend[] = [];
  const worker = async (w: number) => {
    while (!options.stop() && planned.length < options.max) {
      const n = planned.length;
      const plan: PlannedSend = {
        key: `crash-${n}`,
        deviceId: options.devices[n % options.devices.length]!,
        to: `+1555031${String(n).padStart(4, '0')}`,
        text: `crash suite message ${n} (worker ${w})`,
        ids: new Set(),
        attempts: 0,
      };
      planned.push(plan);
      await sendUntilAccepted(server, plan);
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return planned;
}
