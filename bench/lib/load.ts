/**
 * HTTP load with autocannon, keeping every response time so p50/p95/p99 are exact (autocannon's own summary
 * has no p95).
 */
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  /** One URL, or several to rotate through (e.g. different household ids). */
  urls: string[];
  connections: number;
  seconds: number;
  /** Sent with every request (e.g. the session cookie of the API routes). */
  headers?: Record<string, string>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? Number.NaN) * 100) / 100;
}

/** Runs one load and returns throughput and exact latency percentiles. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const first = new URL(options.urls[0] ?? '');
  const times: number[] = [];
  const headers = options.headers ?? {};
  const requests = options.urls.map((u) => ({
    method: 'GET' as const,
    path: new URL(u).pathname + new URL(u).search,
    headers,
  }));
  const instance = autocannon({
    url: first.origin,
    headers,
    connections: options.connections,
    duration: options.seconds,
    requests: requests.length > 1 ? requests : undefined,
    ...(requests.length === 1 ? { url: options.urls[0] } : {}),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.total / options.seconds),
    p50_ms: percentile(times, 50),
    p95_ms: percentile(times, 95),
    p99_ms: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
