/**
 * `lianxin` child processes for the fault tests: a free port, a server started with `serve` and waited for,
 * and a CLI run that collects its output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../bin/lianxin.js', import.meta.url));

/** A TCP port nothing listens on right now (bound then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has exited (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Spawns `lianxin <args>` with `env` added; output is collected, never inherited. */
export function spawnLianxin(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Runs `lianxin <args>` to its end: exit code and output. */
export async function runLianxin(args: string[], env: NodeJS.ProcessEnv) {
  const run = spawnLianxin(args, env);
  const code = await run.exited;
  return { code, output: run.output() };
}

/**
 * Starts `lianxin serve --no-build` on a free port and resolves once it answers, or rejects with its output when
 * it exits first.
 */
export async function startServe(env: NodeJS.ProcessEnv, extraArgs: string[] = ['--no-seed']): Promise<ServerProcess> {
  const port = await freePort();
  const run = spawnLianxin(['serve', '--no-build', '--host', '127.0.0.1', '--port', String(port), ...extraArgs], env);
  const url = `http://127.0.0.1:${port}`;
  const ready = new Promise<void>((resolve) => {
    const check = () => (run.output().includes('Press Ctrl+C to stop.') ? resolve() : setTimeout(check, 100));
    check();
  });
  const code = await Promise.race([ready.then(() => 'ready' as const), run.exited]);
  if (code !== 'ready') throw new Error(`serve exited (${code}) before listening:\n${run.output()}`);
  return {
    ...run,
    url,
    stop: async () => {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
      await run.exited;
    },
  };
}
