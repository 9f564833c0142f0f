/**
 * Photo checks that need no image library: the type comes from the file's first bytes (magic numbers), never
 * from the client's word, and sizes are bounded. The thumbnail is drawn by the web client on a canvas and
 * checked the same way, only smaller.
 */

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const THUMBNAIL_MAX_BYTES = 256 * 1024;

/** The image type the bytes begin with, or null when they are not a JPEG, PNG or WebP. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => at(i) === b)) return 'image/png';
  const ascii = (from: number, text: string) => [...text].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

/** The file extension stored for a type. */
export function extensionOf(mime: ImageMime): string {
  return mime === 'image/jpeg' ? 'jpg' : mime === 'image/png' ? 'png' : 'webp';
}
