import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { api, errorMessage, type Media, type RequestBody } from '../../api';
import { uploadMedia } from './upload';

/** The file being attached: uploading (with the share sent), uploaded, or refused. */
export interface Attachment {
  file: File;
  /** A data: URL of an image, for its preview (the dashboard's CSP allows data:, not blob:); null otherwise. */
  preview: string | null;
  /** 0…1 while uploading. */
  progress: number;
  media: Media | null;
  error: string | null;
}

type MediaMessage = Pick<RequestBody<'post', '/v1/messages'>, 'type' | 'media' | 'caption' | 'filename'>;

/**
 * The body of a message carrying the uploaded file, with the typed text as its caption where
 * WhatsApp shows one (image, video, document); audio takes none, so `rest` is text to send apart.
 */
export function mediaMessage(media: Media, text: string): { body: MediaMessage; rest: string } {
  const type = media.type === 'sticker' ? 'image' : media.type;
  const caption = text.trim();
  const takesCaption = type !== 'audio';
  return {
    body: {
      type,
      media: { id: media.id },
      ...(takesCaption && caption ? { caption } : {}),
      ...(type === 'document' && media.filename ? { filename: media.filename } : {}),
    },
    rest: takesCaption ? '' : caption,
  };
}

/** WhatsApp's image limit: a larger "image" is refused anyway, and not worth reading for a preview. */
const PREVIEW_MAX_BYTES = 5 * 1024 * 1024;

/**
 * One attachment for a message form: pick, drop or paste a file and it uploads at once (POST
 * /v1/media), so Send only names its id. A new file replaces the old; remove cancels an upload.
 */
export function useAttachment() {
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const clear = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setAttachment(null);
  }, []);
  useEffect(() => clear, [clear]);

  const attach = useCallback(
    (file: File) => {
      clear();
      const controller = new AbortController();
      abort.current = controller;
      setAttachment({ file, preview: null, progress: 0, media: null, error: null });
      const update = (patch: Partial<Attachment>) =>
        setAttachment((current) => (current?.file === file ? { ...current, ...patch } : current));
      if (file.type.startsWith('image/') && file.size <= PREVIEW_MAX_BYTES) {
        const reader = new FileReader();
        reader.onload = () => typeof reader.result === 'string' && update({ preview: reader.result });
        reader.readAsDataURL(file);
      }
      uploadMedia(file, (progress) => update({ progress }), controller.signal).then(
        (media) => update({ media, progress: 1 }),
        (err: unknown) => {
          if (!controller.signal.aborted) update({ error: errorMessage(err) });
        },
      );
    },
    [clear],
  );

  /** A pasted file (a screenshot from the clipboard) is attached; pasted text stays text. */
  const onPaste = (event: ClipboardEvent) => {
    const file = [...event.clipboardData.files][0];
    if (!file) return;
    event.preventDefault();
    attach(file);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(true);
  };
  const onDragLeave = () => setDragging(false);
  const onDrop = (event: DragEvent) => {
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    attach(file);
  };

  /** Remove: the file was uploaded for this message only, so it is deleted from the server too. */
  const remove = useCallback(() => {
    const id = attachment?.media?.id;
    clear();
    if (id) void api.delete('/v1/media/{id}', { path: { id } }).catch(() => undefined);
  }, [attachment, clear]);

  const uploading = attachment !== null && attachment.media === null && attachment.error === null;
  return {
    attachment,
    attach,
    clear,
    remove,
    uploading,
    dragging,
    dropHandlers: { onPaste, onDragOver, onDragLeave, onDrop },
  };
}
