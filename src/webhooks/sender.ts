import { setMaxListeners } from 'node:events';
import type { ClaimedDelivery } from './delivery-store.js';
import { eventBody } from './fanout.js';
import { createAgents, postJson, type Agents, type PostResult } from './http-post.js';
import type { SecretBox } from './signing.js';
import { signatureHeaders } from './signing.js';
import { refusedAtDelivery } from './url-guard.js';

/** Turns a claimed delivery into a signed POST; keeps the connections and opened secrets it reuses. */
export class DeliverySender {
  private readonly agents: Agents;
  private readonly abort = new AbortController();
  private readonly openedSecrets = new Map<string, string>();

  constructor(
    private readonly secrets: SecretBox,
    private readonly options: { allowPrivate: boolean; timeoutMs: number },
  ) {
    this.agents = createAgents(options.allowPrivate);
    // Every request in flight listens for the stop; dozens at once are expected, not a leak.
    setMaxListeners(0, this.abort.signal);
  }

  /** True once `close` was called: a result that came back after it is not an attempt. */
  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  async send(d: ClaimedDelivery, now: Date): Promise<PostResult> {
    if (refusedAtDelivery(d.url, this.options.allowPrivate))
      return { statusCode: null, snippet: null, error: 'The URL points to a private address', durationMs: 0 };
    const secrets = [this.openSecret(d.endpoint_id, d.secret)];
    if (d.previous_secret && d.previous_secret_expires_at && d.previous_secret_expires_at > now.toISOString())
      secrets.push(this.openSecret(d.endpoint_id, d.previous_secret));
    const body = eventBody({
      id: d.event_id,
      type: d.event_type,
      created_at: d.event_created_at,
      workspace_id: d.workspace_id,
      data: d.event_data,
    });
    // The timestamp is for the receiver's replay window, which runs on wall-clock time.
    const headers = signatureHeaders(secrets, d.event_id, new Date(), body);
    return postJson(d.url, headers, body, {
      agents: this.agents,
      signal: this.abort.signal,
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** Cancels requests in flight and closes the connections. */
  close(): void {
    this.abort.abort();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Decrypting per delivery would cost more than signing; a rotation changes the sealed text, so no stale hit. */
  private openSecret(endpointId: string, sealed: string): string {
    const key = `${endpointId}:${sealed}`;
    let secret = this.openedSecrets.get(key);
    if (secret === undefined) {
      if (this.openedSecrets.size >= 1000) this.openedSecrets.clear();
      secret = this.secrets.open(endpointId, sealed);
      this.openedSecrets.set(key, secret);
    }
    return secret;
  }
}
