import { Resource } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { MediaFile } from '../types.js';

export interface UploadParams {
  /** The file's bytes. */
  data: Blob | Uint8Array;
  /** Its name (checked against its content, and kept for documents). */
  filename: string;
  /** `image`, `video`, `audio` or `document`; detected from the content when absent. */
  type?: 'image' | 'video' | 'audio' | 'document';
}

export interface DownloadedFile {
  data: Uint8Array;
  contentType: string;
  /** From Content-Disposition, when the server sent one. */
  filename: string | null;
}

/** Files to send, and files customers sent (docs/api.md, "Media"). */
export class Media extends Resource {
  /**
   * Uploads a file to send later with `messages.send({ type, media: { id } })`. Not retried when
   * the answer is lost (an upload has no Idempotency-Key): upload again, the unsent copy is swept.
   */
  upload(params: UploadParams, options?: RequestOptions): Promise<MediaFile> {
    const form = new FormData();
    // The server reads the type field before the file part.
    if (params.type) form.append('type', params.type);
    // A copy: a Blob takes bytes on an ArrayBuffer of their own (a Buffer may share a pool).
    const blob = params.data instanceof Blob ? params.data : new Blob([new Uint8Array(params.data)]);
    form.append('file', blob, params.filename);
    return this.call({ method: 'POST', path: '/v1/media', body: form, options });
  }

  info(id: string, options?: RequestOptions): Promise<MediaFile> {
    return this.call({ method: 'GET', path: `/v1/media/${seg(id)}/info`, options });
  }

  /** The file's bytes, with the content type the server detected. */
  async download(id: string, options?: RequestOptions): Promise<DownloadedFile> {
    const response = await this.transport.request<Uint8Array>({
      method: 'GET',
      path: `/v1/media/${seg(id)}`,
      binary: true,
      options,
    });
    const disposition = response.headers.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    const plain = /filename="([^"]*)"/i.exec(disposition)?.[1];
    return {
      data: response.data,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      filename: encoded ? decodeURIComponent(encoded) : (plain ?? null),
    };
  }

  delete(id: string, options?: RequestOptions): Promise<void> {
    return this.call({ method: 'DELETE', path: `/v1/media/${seg(id)}`, options });
  }
}
