import { deflateSync } from 'node:zlib';

/** Small real files of each type WhatsApp takes, made here so the tests ship no binaries. */

function crc32(buf: Buffer): number {
  let crc = ~0;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A valid PNG of `width`×`height` random pixels (random so it does not compress: size ≈ w·h·3). */
export function png(width = 4, height = 4, seed = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  let state = seed;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let i = 1; i < row.length; i++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      row[i] = state >> 16;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 0 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal baseline JPEG (start, a comment segment as payload, end marker). */
export function jpeg(payloadBytes = 200): Buffer {
  const comment = Buffer.alloc(Math.min(payloadBytes, 65_000), 0x41);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(comment.length + 2);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00', 'latin1'),
    Buffer.from([0xff, 0xfe]),
    len,
    comment,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A WebP container whose RIFF size matches its length. */
export function webp(payloadBytes = 100): Buffer {
  const chunk = Buffer.concat([
    Buffer.from('VP8L', 'latin1'),
    Buffer.alloc(4),
    Buffer.alloc(payloadBytes, 7),
  ]);
  chunk.writeUInt32LE(payloadBytes, 4);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(4 + chunk.length, 4);
  return Buffer.concat([head, chunk]);
}

function isoFile(brand: string, payloadBytes: number): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from('\0\0\0\x18ftyp', 'latin1'),
    Buffer.from(brand, 'latin1'),
    Buffer.from('\0\0\0\0isommp42', 'latin1'),
  ]);
  const mdat = Buffer.concat([Buffer.alloc(4), Buffer.from('mdat', 'latin1'), Buffer.alloc(payloadBytes, 3)]);
  mdat.writeUInt32BE(mdat.length);
  return Buffer.concat([ftyp, mdat]);
}

export const mp4 = (payloadBytes = 500) => isoFile('isom', payloadBytes);
export const threeGp = (payloadBytes = 500) => isoFile('3gp4', payloadBytes);
export const m4a = (payloadBytes = 500) => isoFile('M4A ', payloadBytes);
export const ogg = (payloadBytes = 300) =>
  Buffer.concat([Buffer.from('OggS\0\x02', 'latin1'), Buffer.alloc(payloadBytes, 1)]);
export const mp3 = (payloadBytes = 300) =>
  Buffer.concat([Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1'), Buffer.alloc(payloadBytes, 2)]);
export const aac = (payloadBytes = 300) =>
  Buffer.concat([Buffer.from([0xff, 0xf1, 0x50, 0x80]), Buffer.alloc(payloadBytes, 4)]);
export const pdf = (payloadBytes = 300) =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n', 'latin1'),
    Buffer.alloc(payloadBytes, 0x20),
    Buffer.from('\n%%EOF\n', 'latin1'),
  ]);

/** One multipart/form-data body: fields first, then the file part. */
export function multipartBody(
  file: Buffer,
  options: { filename?: string; contentType?: string; fields?: Record<string, string> } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----waping-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(options.fields ?? {})) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename ?? 'file.bin'}"\r\n` +
        `Content-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
