/**
 * A switchable "mobile signal" in front of the test server: a proxy the journey opens the app through. `cut()`
 * drops every connection (the browser, its service worker and its own /sw.js update checks all see a network
 * error, as on a phone without signal) until `restore()`; it records what reached the server and what it dropped.
 */
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface Signal {
  /** The proxy's origin, e.g. http://127.0.0.1:43210: open the app here. */
  url: string;
  /** Requests that reached the real server ("GET /path"), in order. */
  forwarded: string[];
  /** Requests dropped while the signal was cut. */
  dropped: string[];
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startSignal(target: string): Promise<Signal> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const forwarded: string[] = [];
  const dropped: string[] = [];
  let up = true;
  const server: Server = createServer((req, res) => {
    if (!up) {
      dropped.push(`${req.method} ${req.url}`);
      req.socket.destroy();
      return;
    }
    forwarded.push(`${req.method} ${req.url}`);
    const out = request(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    dropped,
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy(); // kept-alive connections too
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
