/**
 * One process at a time per PGlite directory. PGlite has no postmaster to arbitrate: two processes writing one
 * directory (a server left running while `lianxin stats`, `match` or a second server opens `./data/db`) corrupt
 * it beyond opening. The lock is a sibling file `<dir>.lock` holding the owner's pid; a lock whose pid is no
 * longer alive (kill -9, power cut) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null; // unreadable or half-written: the writer died between create and write
  }
}

/** Creates the lock file only if absent; false when it exists. */
function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

function inUseError(dataDir: string, path: string, owner: LockOwner): Error {
  return new Error(
    `the database directory ${dataDir} is in use by process ${owner.pid} (${owner.command}, since ${owner.since}). ` +
      'Only one process may open a PGlite directory at a time: stop that process first (a running server, too), ' +
      `or use PostgreSQL (DATABASE_URL) to run commands beside a server. If no such process runs, remove ${path}.`,
  );
}

/** Whether a recorded owner still holds the directory: its pid lives, or it ran on another host (cannot tell). */
function holds(owner: LockOwner | null): owner is LockOwner {
  return owner !== null && (owner.host !== hostname() || alive(owner.pid));
}

/**
 * Takes the directory's lock for this process, taking over a stale one; returns its release.
 * @throws Error naming the owner when another live process holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`;
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(2).join(' ') || 'lianxin',
    since: new Date().toISOString(),
  };
  for (let attempt = 0; !tryCreate(path, me); attempt++) {
    const owner = readOwner(path);
    if (holds(owner) || attempt > 2) throw inUseError(dataDir, path, owner ?? { ...me, pid: 0, command: '?' });
    rmSync(path, { force: true }); // stale: its owner died without removing it
  }
  const release = () => {
    if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
    process.removeListener('exit', release);
  };
  process.on('exit', release); // an exit without close() (an error, process.exit) must not leave it behind
  return release;
}
