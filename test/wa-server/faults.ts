/**
 * Server-wide misbehaviour a test can switch on: how logins are answered (a 515 storm, a 405 for
 * an outdated version, a 401), dropped connections, and a slow server. Faults aimed at one line's
 * current connection (a conflict, the phone unlinking the device…) are on SimulatedPhone.
 */
export type LoginFault =
  /** `<stream:error code=…>` right after the handshake, e.g. 515 (restart required) every time. */
  | { kind: 'stream-error'; code: number }
  /** `<failure reason=…>` instead of `<success>`: 401 (logged out), 405 (client too old)… */
  | { kind: 'failure'; reason: number }
  /** The TCP connection is cut right after the handshake. */
  | { kind: 'drop' };

export class Faults {
  /** Each client stanza waits this long before the server handles it. */
  delayMs = 0;
  /** Clients announcing an older WhatsApp Web version are refused with `<failure reason=405>`. */
  minimumVersion: [number, number, number] | undefined;
  private login: { fault: LoginFault; remaining: number } | undefined;
  /** Login faults handed out so far, in order (what a test can assert a schedule on). */
  readonly applied: Array<{ fault: LoginFault; at: Date }> = [];

  /** Answers the next `times` logins (every login when omitted) with `fault`. */
  onLogin(fault: LoginFault, times = Number.POSITIVE_INFINITY): void {
    this.login = { fault, remaining: times };
  }

  /** The fault for the login happening now, if any (counts it). */
  takeLoginFault(): LoginFault | undefined {
    const login = this.login;
    if (!login || login.remaining <= 0) return undefined;
    login.remaining -= 1;
    this.applied.push({ fault: login.fault, at: new Date() });
    return login.fault;
  }

  clear(): void {
    this.login = undefined;
    this.delayMs = 0;
    this.minimumVersion = undefined;
  }
}
