/**
 * What a file is, from its first bytes (magic numbers), and whether it is whole, from its last.
 * Only the types WhatsApp takes as images, video and audio need to be told apart; anything else
 * is a document, named by its type when it is a common one.
 */

/** How many leading bytes `sniffMime` looks at. */
export const HEAD_BYTES = 64;

/** Every content type `sniffMime` can answer: what an uploaded or fetched file is served as. */
export const DETECTED_MIMES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/3gpp',
  'audio/mp4',
  'audio/ogg',
  'audio/mpeg',
  'audio/aac',
  'application/pdf',
  'application/zip',
  'application/octet-stream',
] as const;
/** How many trailing bytes `looksWhole` looks at. */
export const TAIL_BYTES = 1024;

const ascii = (buf: Buffer, at: number, text: string) =>
  buf.length >= at + text.length && buf.toString('latin1', at, at + text.length) === text;

function isoMediaMime(head: Buffer): string {
  const brand = head.toString('latin1', 8, 12);
  if (brand.startsWith('3g')) return 'video/3gpp';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  return 'video/mp4';
}

/** The content type of a file from its first bytes; `application/octet-stream` when unknown. */
export function sniffMime(head: Buffer): string {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(head, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 4, 'ftyp')) return isoMediaMime(head);
  if (ascii(head, 0, 'OggS')) return 'audio/ogg';
  if (ascii(head, 0, 'ID3')) return 'audio/mpeg';
  if (head.length >= 2 && head[0] === 0xff) {
    const second = head[1]!;
    if ((second & 0xf6) === 0xf0) return 'audio/aac'; // ADTS sync, layer 0
    if ((second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return 'audio/mpeg'; // MPEG audio frame sync
  }
  if (ascii(head, 0, '%PDF-')) return 'application/pdf';
  if (ascii(head, 0, 'PK\x03\x04')) return 'application/zip';
  return 'application/octet-stream';
}

const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Whether a file of this type ends as a whole one does: a JPEG with its end-of-image marker, a
 * PNG with its IEND chunk, a WebP as long as its header says, a PDF with `%%EOF`. Other types
 * pass: telling a cut video or document from a whole one takes more than its last bytes.
 */
export function looksWhole(mime: string, head: Buffer, tail: Buffer, size: number): boolean {
  switch (mime) {
    case 'image/jpeg': {
      // Some writers pad after the marker; allow a little.
      const end = tail.subarray(Math.max(0, tail.length - 64));
      for (let i = end.length - 2; i >= 0; i--) if (end[i] === 0xff && end[i + 1] === 0xd9) return true;
      return false;
    }
    case 'image/png':
      return tail.length >= PNG_END.length && tail.subarray(tail.length - PNG_END.length).equals(PNG_END);
    case 'image/webp':
      return head.length >= 8 && head.readUInt32LE(4) + 8 === size;
    case 'application/pdf':
      return tail.subarray(Math.max(0, tail.length - 1024)).includes('%%EOF');
    default:
      return true;
  }
}
