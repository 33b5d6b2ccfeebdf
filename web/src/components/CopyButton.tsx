import { useState } from 'react';

/** Copies `value`; where the clipboard is refused, selects the text so the user can copy it. */
export function CopyButton({
  value,
  targetId,
  label = 'Copy',
}: {
  value: string;
  targetId?: string;
  label?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      const target = targetId ? document.getElementById(targetId) : null;
      if (target instanceof HTMLInputElement) target.select();
      setState('manual');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="muted" role="status" aria-live="polite">
        {state === 'copied' ? ' Copied' : state === 'manual' ? ' Selected: press Ctrl+C to copy' : ''}
      </span>
    </>
  );
}
