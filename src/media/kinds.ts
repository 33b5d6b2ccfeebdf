import { AppError } from '../lib/errors.js';
import type { MediaKind } from './tables.js';

const MB = 1024 * 1024;

/** WhatsApp's limits per kind of media. */
export const MAX_BYTES: Record<MediaKind, number> = {
  image: 5 * MB,
  video: 16 * MB,
  audio: 16 * MB,
  document: 100 * MB,
  sticker: 500 * 1024,
};

/** The largest file of any kind: no upload or fetch reads beyond it. */
export const MAX_ANY_BYTES = MAX_BYTES.document;

/** The content types each kind accepts (a document takes any content). */
export const KIND_MIMES: Record<Exclude<MediaKind, 'document'>, readonly string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  video: ['video/mp4', 'video/3gpp'],
  audio: ['audio/ogg', 'audio/mpeg', 'audio/aac', 'audio/mp4'],
  sticker: ['image/webp'],
};

/** What a file's name promises; the content must keep the promise (a PDF named .jpg is refused). */
export const EXTENSION_MIMES: Record<string, readonly string[]> = {
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  mp4: ['video/mp4', 'audio/mp4'],
  '3gp': ['video/3gpp'],
  ogg: ['audio/ogg'],
  oga: ['audio/ogg'],
  opus: ['audio/ogg'],
  mp3: ['audio/mpeg'],
  aac: ['audio/aac'],
  m4a: ['audio/mp4'],
  pdf: ['application/pdf'],
};

/** The kind a content type is sent as when the caller does not say. */
export function kindOfMime(mime: string): MediaKind {
  for (const kind of ['image', 'video', 'audio'] as const) if (KIND_MIMES[kind].includes(mime)) return kind;
  return 'document';
}

export function kindAccepts(kind: MediaKind, mime: string): boolean {
  return kind === 'document' || KIND_MIMES[kind].includes(mime);
}

export function extensionOf(filename: string | undefined): string | undefined {
  const match = filename ? /\.([A-Za-z0-9]{1,8})$/.exec(filename) : null;
  return match?.[1]?.toLowerCase();
}

/**
 * Refuses a file name whose extension promises another type than the content's (a PDF named
 * .jpg): at upload, at a fetch and at send time alike.
 */
export function refuseContradictingName(filename: string | undefined, mime: string): void {
  const extension = extensionOf(filename);
  const named = extension ? EXTENSION_MIMES[extension] : undefined;
  if (named && !named.includes(mime))
    throw new AppError(
      'MEDIA_TYPE_MISMATCH',
      `The file is named .${extension} but its content is ${describeMime(mime)}`,
      { extension, detected: mime },
    );
}

const DESCRIPTIONS: Record<string, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/webp': 'a WebP image',
  'video/mp4': 'an MP4 video',
  'video/3gpp': 'a 3GP video',
  'audio/ogg': 'Ogg audio',
  'audio/mpeg': 'MP3 audio',
  'audio/aac': 'AAC audio',
  'audio/mp4': 'M4A audio',
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
};

/** "a PDF document", for error messages. */
export const describeMime = (mime: string) => DESCRIPTIONS[mime] ?? `content of type ${mime}`;

export const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;
