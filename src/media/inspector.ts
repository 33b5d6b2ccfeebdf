import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../lib/errors.js';
import {
  describeMime,
  KIND_MIMES,
  kindAccepts,
  kindOfMime,
  MAX_ANY_BYTES,
  MAX_BYTES,
  megabytes,
  refuseContradictingName,
} from './kinds.js';
import { HEAD_BYTES, looksWhole, sniffMime, TAIL_BYTES } from './sniff.js';
import type { MediaKind } from './tables.js';

export interface Inspection {
  kind: MediaKind;
  mime: string;
  size: number;
  sha256: string;
}

export interface InspectOptions {
  /** The kind the caller means to send; unset: what the name, else the content, says. */
  kind?: MediaKind;
  filename?: string;
  /**
   * Media WhatsApp delivered: its type is taken as WhatsApp states it and only the size cap
   * applies. Everything else is checked against WhatsApp's rules.
   */
  trusted?: { kind: MediaKind; mime: string };
}

const KIND_NAMES: Record<MediaKind, string> = {
  image: 'an image',
  video: 'a video',
  audio: 'audio',
  document: 'a document',
  sticker: 'a sticker',
};

/**
 * A pass-through that checks media while it streams to storage: type from the first bytes,
 * WhatsApp's size limit for that kind, completeness from the last bytes, and the SHA-256 of it
 * all. It fails the stream with an AppError as soon as something is wrong, so the store never
 * keeps the file; nothing is held but the first and last bytes.
 */
export class MediaInspector extends Transform {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private decided: { kind: MediaKind; mime: string; limit: number } | null = null;
  private size = 0;
  private readonly hash: Hash = createHash('sha256');

  constructor(private readonly options: InspectOptions = {}) {
    super();
  }

  /** What the file was found to be; only once the stream has finished. */
  result(): Inspection {
    if (!this.decided) throw new Error('inspection not finished');
    return {
      kind: this.decided.kind,
      mime: this.decided.mime,
      size: this.size,
      sha256: this.hash.digest('hex'),
    };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.size += chunk.length;
      if (this.decided && this.size > this.decided.limit) throw this.tooLarge();
      this.hash.update(chunk);
      this.tail = Buffer.concat([this.tail, chunk]);
      if (this.tail.length > TAIL_BYTES * 2) this.tail = this.tail.subarray(this.tail.length - TAIL_BYTES);
      if (this.decided) return done(null, chunk);
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < HEAD_BYTES) return done();
      this.decide();
      if (this.size > this.decided!.limit) throw this.tooLarge();
      done(null, this.head);
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.size === 0) throw new AppError('MEDIA_EMPTY', 'The file is empty');
      const held = !this.decided;
      if (held) this.decide();
      const { mime } = this.decided!;
      if (!this.options.trusted && !looksWhole(mime, this.head, this.tail, this.size)) {
        throw new AppError('MEDIA_CORRUPT', `The file is ${describeMime(mime)} that is cut short or damaged`);
      }
      done(null, held ? this.head : undefined);
    } catch (err) {
      done(err as Error);
    }
  }

  private tooLarge(): AppError {
    const kind = this.decided?.kind ?? 'document';
    return new AppError(
      'MEDIA_TOO_LARGE',
      `${KIND_NAMES[kind][0]!.toUpperCase()}${KIND_NAMES[kind].slice(1)} may be at most ${megabytes(MAX_BYTES[kind])} on WhatsApp`,
      { kind, maxBytes: MAX_BYTES[kind] },
    );
  }

  private decide(): void {
    const { trusted } = this.options;
    if (trusted) {
      this.decided = { ...trusted, limit: MAX_ANY_BYTES };
      return;
    }
    const mime = sniffMime(this.head);
    refuseContradictingName(this.options.filename, mime);
    const kind = this.options.kind ?? kindOfMime(mime);
    if (!kindAccepts(kind, mime)) {
      const allowed = KIND_MIMES[kind as Exclude<MediaKind, 'document'>];
      throw new AppError(
        mime === 'application/octet-stream' ? 'MEDIA_TYPE_UNSUPPORTED' : 'MEDIA_TYPE_MISMATCH',
        `The file is ${describeMime(mime)}, not ${KIND_NAMES[kind]} WhatsApp takes (${allowed.join(', ')})`,
        { kind, detected: mime, allowed },
      );
    }
    this.decided = { kind, mime, limit: MAX_BYTES[kind] };
  }
}
