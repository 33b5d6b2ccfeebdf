import type { ReactNode } from 'react';
import { CopyButton } from '../CopyButton';

/** A signing secret the server shows this once, with a copy button and what to do with it. */
export function SecretOnce({
  title,
  secret,
  inputId,
  onDone,
  children,
}: {
  title: string;
  secret: string;
  inputId: string;
  onDone: () => void;
  children: ReactNode;
}) {
  return (
    <section className="card key-once" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{title}</h2>
      {children}
      <div className="row">
        <input id={inputId} readOnly value={secret} aria-label="Signing secret" className="mono" />
        <CopyButton value={secret} targetId={inputId} />
      </div>
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
