import { newQrCode } from './ids.js';
import type { TimerSet } from './timers.js';

export interface QrRotationHandlers {
  onQr(qr: string, expiresAt: Date): void;
  /** Every allowed code expired without a scan. */
  onExhausted(attempts: number): void;
}

/** Shows a fresh QR code every `refreshMs`, like WhatsApp Web, and gives up after `maxAttempts`. */
export class QrRotation {
  private attempts = 0;
  private cancelNext: (() => void) | undefined;

  constructor(
    private readonly deviceId: string,
    private readonly timers: TimerSet,
    private readonly timing: { qrRefreshMs: number; qrMaxAttempts: number },
    private readonly handlers: QrRotationHandlers,
  ) {}

  get active(): boolean {
    return this.cancelNext !== undefined;
  }

  /** Starts over from the first attempt. */
  start(): void {
    this.stop();
    this.attempts = 0;
    this.showNext();
  }

  stop(): void {
    this.cancelNext?.();
    this.cancelNext = undefined;
  }

  private showNext(): void {
    const { qrRefreshMs, qrMaxAttempts } = this.timing;
    if (this.attempts >= qrMaxAttempts) {
      this.cancelNext = undefined;
      this.handlers.onExhausted(this.attempts);
      return;
    }
    this.attempts++;
    // Armed before reporting, so a handler that stops the rotation cancels it too.
    this.cancelNext = this.timers.after(qrRefreshMs, () => this.showNext());
    this.handlers.onQr(newQrCode(this.deviceId), new Date(Date.now() + qrRefreshMs));
  }
}
