/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) with the helpers the demo
 * generator needs. Math.random cannot be seeded, and the demo must be reproducible: the same seed gives
 * the same county, row for row, on every machine.
 */

/** FNV-1a hash of a string, 32-bit unsigned: turns labels such as a village code into seed material. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 step: spreads a weak seed (0, 1, 2 …) over all 32 bits before sfc32 uses it. */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** A weighted choice: the value and its (non-negative) weight. */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

/** Seeded generator. Not cryptographic; only for synthetic data. */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /**
   * @param seed any finite number (the integer part is used, high bits included)
   * @param path a label naming this stream; {@link fork} extends it
   */
  constructor(
    private readonly seed: number,
    private readonly path = '',
  ) {
    const whole = Math.trunc(seed);
    let state = (hashString(path) ^ (whole >>> 0) ^ Math.imul(Math.floor(whole / 2 ** 32) | 0, 0x27d4eb2d)) | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(state);
      state = next;
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    for (let i = 0; i < 12; i++) this.next(); // warm-up, as the sfc32 authors recommend
  }

  /**
   * An independent stream for a sub-task, derived from the seed and the label only, not from how many
   * numbers this stream has drawn: changing one village's generation leaves the others untouched.
   */
  fork(label: string): Rng {
    return new Rng(this.seed, `${this.path}/${label}`);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. @throws RangeError on an empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value with probability proportional to its weight. @throws RangeError when all weights are 0. */
  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    if (!(total > 0)) throw new RangeError('weighted choice needs a positive total weight');
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** Up to `count` distinct values by weight (weighted sampling without replacement). */
  weightedDistinct<T>(entries: Weighted<T>, count: number): T[] {
    const pool = entries.filter(([, w]) => w > 0);
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const value = this.weighted(pool);
      out.push(value);
      pool.splice(
        pool.findIndex(([v]) => v === value),
        1,
      );
    }
    return out;
  }

  /** Normal deviate (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A string of `length` random decimal digits. */
  digits(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/**
 * Splits `total` into integer shares proportional to `weights` (largest remainder), each at least `min`
 * when the total allows it: used to spread villages, members and households exactly to the target.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const floor = Math.min(min, Math.floor(total / Math.max(weights.length, 1)));
  const rest = total - floor * weights.length;
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const raw = weights.map((w) => (rest * w) / sum);
  const shares = raw.map((r) => Math.floor(r));
  let left = rest - shares.reduce((s, n) => s + n, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares.map((n) => n + floor);
}
