import type { Attachment } from './useAttachment';
import './attach.css';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The attached file: preview or name, upload progress, the server's refusal, and Remove. */
export function AttachmentChip({ attachment, onRemove }: { attachment: Attachment; onRemove: () => void }) {
  const { file, preview, progress, media, error } = attachment;
  const name = file.name || 'Pasted image';
  return (
    <div
      className={`attachment-chip${error ? ' attachment-chip-error' : ''}`}
      role="group"
      aria-label="Attachment"
    >
      {preview && <img src={preview} alt="" className="attachment-preview" />}
      <span className="attachment-name">
        {name} <span className="muted">({size(file.size)})</span>
      </span>
      {!media && !error && (
        <progress value={progress} max={1} aria-label={`Uploading ${name}`}>
          {Math.round(progress * 100)}%
        </progress>
      )}
      {media && (
        <span className="muted" role="status">
          Ready to send
        </span>
      )}
      {error && (
        <span className="attachment-error" role="alert">
          {error}
        </span>
      )}
      <button type="button" className="link" onClick={onRemove} aria-label={`Remove ${name}`}>
        Remove
      </button>
    </div>
  );
}
