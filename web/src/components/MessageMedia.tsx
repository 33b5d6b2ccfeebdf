import { useState } from 'react';
import type { Message } from '../api';
import { formatNumber } from '../format';

type Media = NonNullable<Message['media']>;

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes)} bytes`;
}

const KIND_NAMES: Record<Media['type'], string> = {
  image: 'Image',
  sticker: 'Sticker',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
};

/**
 * The file a message carries: a thumbnail, a player or a download link. The download path is a
 * /v1 route, so the browser fetches it with the dashboard's session cookie like any API call.
 */
export function MessageMedia({ media, compact = false }: { media: Media; compact?: boolean }) {
  const [gone, setGone] = useState(false);
  const kind = media.voice ? 'Voice note' : KIND_NAMES[media.type];
  const name = media.filename ?? `${kind.toLowerCase()} ${media.id}`;
  const download = (
    <a href={media.url} download={media.filename ?? ''} className="media-download">
      {media.type === 'document' ? name : `Download ${kind.toLowerCase()}`}{' '}
      <span className="muted small">({formatBytes(media.size)})</span>
    </a>
  );
  if (gone) return <span className="muted small">{kind} no longer stored</span>;
  const onError = () => setGone(true);
  const className = `media ${compact ? 'media-compact' : ''}`;
  switch (media.type) {
    case 'image':
    case 'sticker':
      return (
        <span className={className}>
          <a href={media.url} target="_blank" rel="noopener noreferrer">
            <img
              src={media.url}
              alt={media.caption ?? media.filename ?? kind}
              className="media-thumb"
              loading="lazy"
              onError={onError}
            />
          </a>
        </span>
      );
    case 'audio':
      return (
        <span className={className}>
          <audio controls preload="none" src={media.url} aria-label={kind} onError={onError} />
          {!compact && download}
        </span>
      );
    case 'video':
      return (
        <span className={className}>
          <video
            controls
            preload="metadata"
            src={media.url}
            aria-label={kind}
            className="media-video"
            onError={onError}
          />
          {!compact && download}
        </span>
      );
    case 'document':
      return <span className={className}>📄 {download}</span>;
  }
}
