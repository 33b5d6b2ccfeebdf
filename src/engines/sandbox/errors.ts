export type SandboxErrorCode = 'NOT_FOUND' | 'NOT_WAITING_FOR_SCAN' | 'NOT_CONNECTED';

/** Misuse of the simulated world (scan a device that is not showing a QR…); routes map `code` to HTTP. */
export class SandboxError extends Error {
  constructor(
    readonly code: SandboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
