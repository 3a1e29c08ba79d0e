// Photo upload: ask for a target, send the file (our local endpoint or S3's presigned POST), commit the key.
// Flow and limits: docs/uploads-and-notifications.md.
import { ApiError, apiUrl, authHeaders, errorOf, request } from './http';
import { committedPhotoSchema, type UploadTarget, uploadTargetSchema } from './schemas';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The API's ceiling (MAX_PHOTO_BYTES). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Photos larger than this (bytes or pixels) are scaled down in the browser before they are sent. */
const SHRINK_ABOVE_BYTES = 1_500_000;
const MAX_EDGE = 1920;

/**
 * A phone photo (often 3–8 MB) scaled to at most 1920 px and re-encoded as JPEG; small files are sent as they
 * are. Drawing respects the EXIF orientation; the re-encoded file carries no metadata at all.
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  if (file.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const out = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.85));
    return out && out.size < file.size ? out : file;
  } catch {
    return file;
  }
}

/** Sends the file to the target (fields unchanged, the file last) and reports progress 0–1. */
function send(target: UploadTarget, file: Blob, onProgress: (share: number) => void): Promise<void> {
  const form = new FormData();
  for (const [k, v] of Object.entries(target.fields)) form.append(k, v);
  form.append('file', file);
  const local = target.url.startsWith('/');
  return new Promise((done, fail) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', local ? apiUrl(target.url) : target.url);
    // Our own endpoint may need the staff token; S3 must not receive it.
    if (local) for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) return done();
      fail(
        await errorOf(
          new Response(xhr.responseText || null, {
            status: xhr.status,
            headers: { 'Content-Type': 'application/json' },
          }),
        ),
      );
    };
    xhr.onerror = () => fail(new ApiError(0, 'NETWORK', 'the upload failed'));
    xhr.send(form);
  });
}

/** Uploads one photo and commits it; resolves with the key to put in the report's `photos`. */
export async function uploadPhoto(
  file: File,
  onProgress: (share: number) => void = () => {},
): Promise<string> {
  const type = (PHOTO_TYPES as readonly string[]).includes(file.type) ? file.type : '';
  if (!type) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', file.type || file.name);
  const blob = await shrinkPhoto(file);
  const contentType = blob === file ? type : 'image/jpeg';
  if (blob.size > MAX_PHOTO_BYTES) throw new ApiError(413, 'PHOTO_TOO_LARGE', String(blob.size));
  const target = await request('/api/uploads', uploadTargetSchema, {
    method: 'POST',
    body: { content_type: contentType, size: blob.size },
  });
  await send(target, blob, onProgress);
  const committed = await request('/api/uploads/commit', committedPhotoSchema, {
    method: 'POST',
    body: { key: target.key },
  });
  return committed.key;
}
