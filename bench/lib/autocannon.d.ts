// autocannon ships no types; the benchmarks use only this much of it.
declare module 'autocannon' {
  interface Result {
    requests: { total: number };
    errors: number;
    non2xx: number;
  }
  interface Instance extends PromiseLike<Result> {
    on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  }
  function autocannon(options: Record<string, unknown>): Instance;
  export default autocannon;
}
