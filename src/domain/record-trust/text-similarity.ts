/**
 * Near-duplicate texts (内容雷同) without comparing every pair: character 3-shingles of the normalised text (Chinese
 * has no spaces, so characters, not words), a MinHash signature of 24 hashes, and locality-sensitive hashing in
 * 8 bands of 3 rows — two texts with Jaccard similarity s share a band with probability 1 − (1 − s³)⁸: 0.99 at
 * s = 0.8, 0.31 at s = 0.4 — then the exact Jaccard of each candidate pair decides.
 */

const HASHES = 24;
const ROWS = 3;
const BANDS = HASHES / ROWS;
/** Buckets larger than this are boilerplate shared by many records: each member is compared with the first few. */
const BUCKET_COMPARE = 40;

/** The text as compared: letters and digits only (spaces, punctuation and their widths are not content). */
export function normalizeText(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

/** FNV-1a of a string, 32-bit. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct 3-character shingles of a normalised text, as 32-bit hashes. */
export function shingles(normal: string): Uint32Array {
  const set = new Set<number>();
  for (let i = 0; i + 3 <= normal.length; i++) set.add(fnv(normal.slice(i, i + 3)));
  if (normal.length > 0 && normal.length < 3) set.add(fnv(normal));
  return Uint32Array.from(set).sort();
}

/** Jaccard similarity of two sorted shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if ((a[i] as number) < (b[j] as number)) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}

const SEEDS = Array.from({ length: HASHES }, (_, k) => [(2 * k + 1) * 0x9e3779b1, (k + 7) * 0x85ebca6b] as const);

/** The LSH band keys of a shingle set (one string per band). */
export function bandKeys(set: Uint32Array): string[] {
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let k = 0; k < HASHES; k++) {
      const [a, b] = SEEDS[k] as readonly [number, number];
      const h = (Math.imul(x ^ b, a | 1) ^ (x >>> 15)) >>> 0;
      if (h < (mins[k] as number)) mins[k] = h;
    }
  }
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const row = mins.subarray(band * ROWS, band * ROWS + ROWS);
    keys.push(`${band}:${row.join(',')}`);
  }
  return keys;
}

/** A text to compare, with the id the caller knows it by. */
export interface TextItem {
  id: number;
  text: string;
}

/** A near-duplicate: the closest other text found for `id`. */
export interface NearDuplicate {
  id: number;
  otherId: number;
  similarity: number;
}

/**
 * For each text that has a near-duplicate (similarity ≥ `threshold`) among `items`, its closest one. Only texts
 * of at least `minChars` normalised characters take part. `onlyFor`, when given, limits the answers to those ids
 * (new records checked against the history) — the others still serve as their partners.
 */
export function nearDuplicates(
  items: readonly TextItem[],
  threshold: number,
  minChars: number,
  onlyFor?: ReadonlySet<number>,
): NearDuplicate[] {
  const sets = new Map<number, Uint32Array>();
  const buckets = new Map<string, number[]>();
  for (const { id, text } of items) {
    const normal = normalizeText(text);
    if (normal.length < minChars) continue;
    const set = shingles(normal);
    sets.set(id, set);
    for (const key of bandKeys(set)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(id);
      else buckets.set(key, [id]);
    }
  }
  const best = new Map<number, NearDuplicate>();
  const consider = (id: number, otherId: number, similarity: number) => {
    if (onlyFor && !onlyFor.has(id)) return;
    const known = best.get(id);
    if (!known || similarity > known.similarity) best.set(id, { id, otherId, similarity });
  };
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    for (let i = 0; i < bucket.length; i++) {
      for (let j = 0; j < Math.min(i, BUCKET_COMPARE); j++) {
        const a = bucket[i] as number;
        const b = bucket[j] as number;
        const s = jaccard(sets.get(a) as Uint32Array, sets.get(b) as Uint32Array);
        if (s < threshold) continue;
        consider(a, b, s);
        consider(b, a, s);
      }
    }
  }
  return [...best.values()];
}
