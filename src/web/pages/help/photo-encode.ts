/**
 * Photos from the phone's camera, ready to queue: the file as base64 (re-encoded as JPEG on a canvas when it is
 * larger than the server accepts or of another type) and a thumbnail drawn on a canvas — no image package.
 */
import type { QueuedPhoto } from './offline-store.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
const THUMB_EDGE = 240;
const FULL_EDGE = 2048;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Draws `image` scaled to fit `edge` px and returns the JPEG's base64 (without the data: prefix). */
function drawJpeg(image: ImageBitmap, edge: number, quality: number): string {
  const scale = Math.min(1, edge / Math.max(image.width, image.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.width * scale));
  canvas.height = Math.max(1, Math.round(image.height * scale));
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
}

/** The photo and its thumbnail, or null when the file is not an image the browser can draw. */
export async function encodePhoto(file: File): Promise<QueuedPhoto | null> {
  let image: ImageBitmap;
  try {
    image = await createImageBitmap(file);
  } catch {
    return null;
  }
  const keep = ACCEPTED.has(file.type) && file.size <= MAX_BYTES;
  const data = keep ? toBase64(new Uint8Array(await file.arrayBuffer())) : drawJpeg(image, FULL_EDGE, 0.85);
  const photo = { data, thumbnail: drawJpeg(image, THUMB_EDGE, 0.7), width: image.width, height: image.height };
  image.close();
  return photo;
}
