/**
 * The columns every photo table keeps (a help record's assistance_photo, an activity's activity_photo): the
 * stored photo and its thumbnail, their types and sizes, who uploaded them. One shape for both owners.
 */

/** A photo and its thumbnail as stored (keys in the storage, sniffed types, sizes). */
export interface PhotoFiles {
  storageKey: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  thumbnailKey: string;
  thumbnailMime: string;
  thumbnailBytes: number;
  /** sha-256 of the photo's bytes, hex: a reused photo is found by it (help records keep it). */
  contentHash: string;
}

/** The row values of `photo` for either photo table (the owner's column is the caller's). */
export function photoColumns(photo: PhotoFiles, uploadedBy: number | null) {
  return {
    storage_key: photo.storageKey,
    mime: photo.mime,
    bytes: photo.bytes,
    width: photo.width,
    height: photo.height,
    thumbnail_key: photo.thumbnailKey,
    thumbnail_mime: photo.thumbnailMime,
    thumbnail_bytes: photo.thumbnailBytes,
    uploaded_by: uploadedBy,
  };
}
