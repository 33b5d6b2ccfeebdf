import { useEffect, useState } from 'react';

/**
 * Seconds left before the QR shown is replaced, ticking each second, so the person holding the
 * phone knows whether to aim now or wait for the next one. role="timer" is not announced on every
 * tick (its live region is off), which would drown a screen reader.
 */
export function QrCountdown({ expiresAt }: { expiresAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1000));
  return (
    <span role="timer" aria-label="Time left to scan this QR code" className="qr-countdown">
      {left > 0 ? `Scan within ${left} s` : 'Refreshing…'}
    </span>
  );
}
