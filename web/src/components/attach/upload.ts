import { ApiError, currentCsrfToken, type Media } from '../../api';

/**
 * POST /v1/media with the file as multipart, reporting the share sent. XMLHttpRequest, not fetch:
 * only it reports upload progress. Refusals come back as the API's envelope (a 422 names the
 * type or the limit), so the user reads the server's own words.
 */
export function uploadMedia(
  file: File,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
): Promise<Media> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/media');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status === 201) return resolve(json as Media);
      const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'SERVER_ERROR',
          error?.message ??
            (xhr.status === 413
              ? 'The file is larger than any WhatsApp allows'
              : `The server answered ${xhr.status}`),
        ),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'NETWORK', 'The upload did not reach the server; check your connection and retry'),
      );
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'Upload cancelled'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name || 'pasted-image');
    xhr.send(form);
  });
}
