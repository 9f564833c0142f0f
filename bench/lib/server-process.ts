/**
 * Starts the benchmark server (bench/api-server.ts) in a child process, so the load generator does not share
 * the server's event loop, and reads its port and memory.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const SERVER = fileURLToPath(new URL('../api-server.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  /** Cookie header of a county admin's session, for the API routes (which need a login). */
  cookie: string;
  child: ChildProcess;
  rssMb(): number;
  stop(): Promise<void>;
}

/** Resident memory of a process in MB, from /proc. */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

export function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = fork(RUN_TS, [SERVER], {
    env: { ...process.env, ...env },
    // e.g. BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server alone.
    execArgv: process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    child.once('message', (message: { port: number; cookie: string }) => {
      const pid = child.pid as number;
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        cookie: message.cookie,
        child,
        rssMb: () => rssMbOf(pid),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
