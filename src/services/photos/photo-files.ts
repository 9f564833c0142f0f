/**
 * Photos of any record that keeps them (a help record, a Party activity): the client sends the photo and the
 * thumbnail it drew on a canvas, both as base64 (no multipart package, no native image library); the server trusts
 * neither's declared type: both are sniffed by their first bytes and bounded in size. Files go to the storage
 * first, the owner's row after (in the owner's write); a refused row removes the files again. Reading one back
 * returns its type and bytes, 404 when the row or its file is gone.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { PhotoFiles } from '../../db/repositories/photos.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import { extensionOf, PHOTO_MAX_BYTES, sniffImage, THUMBNAIL_MAX_BYTES } from '../../domain/photos.ts';
import type { Storage } from '../storage/storage.ts';

export interface PhotoInput {
  data: string;
  thumbnail: string;
  width?: number | undefined;
  height?: number | undefined;
}

type Image = { bytes: Buffer; mime: NonNullable<ReturnType<typeof sniffImage>> };
const PHOTO = { zh: '照片', en: 'photo' };

/** The decoded, checked image, or a field problem. */
function decode(path: string, base64: string, max: number): Image | FieldProblem {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return { path, code: 'empty', message: { zh: '图片为空', en: 'The image is empty' } };
  if (bytes.length > max) {
    const mb = (max / 1024 / 1024).toFixed(max >= 1024 * 1024 ? 0 : 2);
    return {
      path,
      code: 'too_large',
      message: { zh: `图片不能超过 ${mb} MB`, en: `The image must not exceed ${mb} MB` },
    };
  }
  const mime = sniffImage(bytes);
  if (!mime) {
    return {
      path,
      code: 'bad_type',
      message: { zh: '只接受 JPEG、PNG 或 WebP 图片', en: 'Only JPEG, PNG or WebP images are accepted' },
    };
  }
  return { bytes, mime };
}

/** Checks photo and thumbnail; 422 with every problem. */
export function checkImages(input: PhotoInput): { photo: Image; thumb: Image } {
  const photo = decode('data', input.data, PHOTO_MAX_BYTES);
  const thumb = decode('thumbnail', input.thumbnail, THUMBNAIL_MAX_BYTES);
  const problems = [photo, thumb].filter((x): x is FieldProblem => 'path' in x);
  if (problems.length > 0) throw AppError.rules(problems);
  return { photo: photo as Image, thumb: thumb as Image };
}

/**
 * Checks `input`, stores both files under `prefix` (e.g. `340822/help/17`), then runs `attach` with what was
 * stored — the owner's write that checks the owner and inserts the row. When `attach` throws, the files are
 * removed again and the error goes on.
 */
export async function storePhoto<T>(
  storage: Storage,
  prefix: string,
  input: PhotoInput,
  attach: (files: PhotoFiles) => Promise<T>,
): Promise<T> {
  const { photo, thumb } = checkImages(input);
  const base = `${prefix}/${randomUUID()}`;
  const files: PhotoFiles = {
    storageKey: `${base}.${extensionOf(photo.mime)}`,
    mime: photo.mime,
    bytes: photo.bytes.length,
    width: input.width ?? null,
    height: input.height ?? null,
    thumbnailKey: `${base}-thumb.${extensionOf(thumb.mime)}`,
    thumbnailMime: thumb.mime,
    thumbnailBytes: thumb.bytes.length,
    contentHash: createHash('sha256').update(photo.bytes).digest('hex'),
  };
  await storage.put(files.storageKey, photo.bytes);
  await storage.put(files.thumbnailKey, thumb.bytes);
  try {
    return await attach(files);
  } catch (error) {
    await Promise.all([storage.delete(files.storageKey), storage.delete(files.thumbnailKey)]);
    throw error;
  }
}

/** The stored photo (or its thumbnail) of a photo row: type and bytes; 404 when the row or its file is gone. */
export async function readPhotoFile(
  storage: Storage,
  row: { storage_key: string; mime: string; thumbnail_key: string; thumbnail_mime: string } | undefined,
  thumbnail: boolean,
): Promise<{ mime: string; bytes: Buffer }> {
  if (!row) throw AppError.notFound(PHOTO);
  const bytes = await storage.get(thumbnail ? row.thumbnail_key : row.storage_key);
  if (!bytes) throw AppError.notFound(PHOTO);
  return { mime: thumbnail ? row.thumbnail_mime : row.mime, bytes };
}
