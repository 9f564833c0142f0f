/**
 * Where uploaded files live, behind one small interface so a deployment can swap the local disk for an object
 * store. Keys are relative paths made by the app ('340822/help/12/3.jpg'), never by the client.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** A blob store addressed by app-made keys. */
export interface Storage {
  /** Stores `bytes` under `key`, replacing what was there. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key` (nothing happens when it is absent). */
  delete(key: string): Promise<void>;
}

/** Files under one directory on the local disk; directories are made on first write. */
export class LocalDiskStorage implements Storage {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file of `key`; a key that would leave the root (.., absolute) is refused. */
  private path(key: string): string {
    if (!/^[A-Za-z0-9_.\-/]+$/.test(key) || key.includes('..') || key.startsWith('/')) {
      throw new Error(`storage: bad key ${key}`);
    }
    const path = join(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`storage: bad key ${key}`);
    return path;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

/**
 * The files directory from the environment: LIANXIN_FILES_DIR, else next to the PGlite data directory
 * (`data/files` by default, `<LIANXIN_DATA_DIR>-files` when that is set), so one data root holds both.
 */
export function filesDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIANXIN_FILES_DIR) return resolve(env.LIANXIN_FILES_DIR);
  if (env.LIANXIN_DATA_DIR) return `${resolve(env.LIANXIN_DATA_DIR)}-files`;
  return resolve('data/files');
}
