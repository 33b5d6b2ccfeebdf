import type { AppContext } from '../context.js';
import { AppError, validation } from '../lib/errors.js';
import { fetchMedia } from './fetch-url.js';
import { describeMime, kindAccepts, MAX_BYTES, megabytes, refuseContradictingName } from './kinds.js';
import { messageMedia, type MessageMedia } from './message-media.js';
import { deleteMediaByIds, requireMedia, storeMedia } from './service.js';
import { SENDABLE_KINDS } from './views.js';

type SendableKind = (typeof SENDABLE_KINDS)[number];

export interface OutboundMediaInput {
  type: string;
  media?: { id?: string; url?: string };
  caption?: string;
  filename?: string;
  voice?: boolean;
}

const field = (name: string, message: string) => [{ field: `body.${name}`, message }];

export const isMediaType = (type: string): type is SendableKind =>
  (SENDABLE_KINDS as readonly string[]).includes(type);

/** Refuses media fields on a text or template message, and fields a kind does not take. */
function checkFields(input: OutboundMediaInput): void {
  const media = isMediaType(input.type);
  for (const name of ['media', 'caption', 'filename', 'voice'] as const) {
    if (!media && input[name] !== undefined)
      throw validation(
        `${name} is only for media messages`,
        field(name, `is not allowed for type "${input.type}"`),
      );
  }
  if (!media) return;
  if (!input.media || (input.media.id === undefined) === (input.media.url === undefined))
    throw validation(
      'media needs exactly one of id or url',
      field('media', 'needs exactly one of id or url'),
    );
  if (input.caption !== undefined && input.type === 'audio')
    throw validation('audio takes no caption', field('caption', 'is not allowed for audio'));
  if (input.filename !== undefined && input.type !== 'document')
    throw validation('filename is for documents', field('filename', 'is only allowed for documents'));
  // Refused rather than cut to its last part: a name with folders is a mistake the sender should
  // see (before, "../../x.pdf" went out as given).
  if (input.filename !== undefined && /[\\/]/.test(input.filename))
    throw validation(
      'filename is a file name, without folders',
      field('filename', 'must not contain "/" or "\\"'),
    );
  if (input.voice !== undefined && input.type !== 'audio')
    throw validation('voice is for audio', field('voice', 'is only allowed for audio'));
}

/** The file a media message will carry, and whether it was fetched from a URL for it alone. */
export interface OutboundMedia {
  media: MessageMedia;
  fetched: boolean;
}

/**
 * The file a media message will carry: an uploaded one, checked against the kind it is sent as,
 * or one fetched from a URL and stored (checked the same way as an upload). Null for text and
 * templates. A fetched file belongs to the message alone: if the message is refused after this,
 * `discardOutboundMedia` removes it.
 */
export async function resolveOutboundMedia(
  ctx: AppContext,
  workspaceId: string,
  input: OutboundMediaInput,
): Promise<OutboundMedia | null> {
  checkFields(input);
  if (!isMediaType(input.type)) return null;
  const kind = input.type;
  const { id, url } = input.media!;
  let row;
  if (id !== undefined) {
    row = await requireMedia(ctx, workspaceId, id);
    if (!kindAccepts(kind, row.mime))
      throw new AppError(
        'MEDIA_TYPE_MISMATCH',
        `The file is ${describeMime(row.mime)}; it cannot be sent as ${kind}`,
      );
    // The upload's rule for the name it is sent under (before, a PDF went out named evil.jpg).
    refuseContradictingName(input.filename, row.mime);
    if (row.size > MAX_BYTES[kind])
      throw new AppError(
        'MEDIA_TOO_LARGE',
        `${kind} may be at most ${megabytes(MAX_BYTES[kind])} on WhatsApp`,
      );
  } else {
    const fetched = await fetchMedia(url!, {
      timeoutMs: ctx.config.mediaFetchTimeoutMs,
      allowPrivate: ctx.config.mediaFetchAllowPrivate,
    });
    row = await storeMedia(ctx, workspaceId, fetched.body, {
      source: 'url',
      kind,
      filename: input.filename ?? fetched.filename,
    });
  }
  if (input.voice && row.mime !== 'audio/ogg')
    throw new AppError('MEDIA_TYPE_MISMATCH', 'A voice note must be Ogg/Opus audio');
  return {
    media: messageMedia(row, {
      caption: input.caption ?? null,
      filename: input.filename ?? null,
      voice: input.voice,
    }),
    fetched: url !== undefined,
  };
}

/**
 * Removes the file fetched for a message that was then refused: a request that fails leaves
 * nothing behind. Before, the file stayed stored and ready, named by no message, its id never
 * answered (nothing but a retention pass would ever remove it). An uploaded file stays.
 */
export async function discardOutboundMedia(
  ctx: AppContext,
  workspaceId: string,
  resolved: OutboundMedia,
): Promise<void> {
  if (resolved.fetched) await deleteMediaByIds(ctx, workspaceId, [resolved.media.id]);
}
