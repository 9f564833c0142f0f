/**
 * Checks and messages around opening a PGlite directory, so that what is wrong is said in words (path,
 * permission, damage) instead of PGlite's bare `ErrnoError { errno: 2 }` or `Aborted()`, and so that a damaged
 * directory is never mistaken for an empty one (PGlite runs initdb wherever it finds no PG_VERSION).
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Emscripten's errno numbers (musl's, not Linux's) that PGlite's file system raises as `ErrnoError`. */
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'permission denied',
  44: 'no such file or directory',
  51: 'no space left on device',
  54: 'not a directory',
  69: 'read-only file system',
};

function notWritable(dataDir: string, why: string): Error {
  return new Error(
    `cannot write to the database directory ${dataDir} (${why}): make it writable by the user running lianxin ` +
      '(PGlite writes there even to read), or point LIANXIN_DATA_DIR at another directory',
  );
}

/**
 * Makes sure `dataDir` exists, is writable and is either empty or a PGlite database.
 * @throws Error saying which and what to do.
 */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true }); // PGlite creates only the last level
  } catch (error) {
    throw notWritable(dataDir, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  try {
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw notWritable(dataDir, 'permission denied');
  }
  // PGlite's own file system checks the mode bits whoever the user is (root included).
  if ((statSync(dataDir).mode & 0o222) === 0) throw notWritable(dataDir, 'no write permission in its mode bits');
  if (!existsSync(join(dataDir, 'PG_VERSION')) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `the database directory ${dataDir} is not empty but holds no PGlite database (no PG_VERSION): it may be ` +
        'damaged or belong to something else. Nothing was changed; restore it from a backup, or move it away to ' +
        'start a new database there',
    );
  }
}

/** Words for what PGlite threw: an Error's message, an ErrnoError's errno, or the value itself. */
export function describePgliteError(error: unknown): string {
  if (error instanceof Error && error.name !== 'ErrnoError') return error.message;
  const errno = (error as { errno?: unknown } | null)?.errno;
  if (typeof errno === 'number') return `${EMSCRIPTEN_ERRNO[errno] ?? 'file system error'} (errno ${errno})`;
  return String(error);
}

/** The error to report when an existing PGlite directory fails to open: never a reason to create a new one. */
export function openFailure(dataDir: string, error: unknown): Error {
  return new Error(
    `the PGlite database in ${dataDir} could not be opened: ${describePgliteError(error).replace(/\.+$/, '')}. Nothing was changed and ` +
      'nothing will be seeded over it. If another process was using it, stop that process and try again; if it ' +
      'is damaged (e.g. two processes wrote it at once), restore it from a backup',
  );
}
