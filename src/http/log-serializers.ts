/**
 * What a request log line says about the request. Query strings carry searches by ID number, phone or name
 * (`?q=…`), so a log line keeps the path and the names of the query parameters but never their values.
 */
import type { FastifyRequest } from 'fastify';

/** `/api/…/households?q=3408…&page=2` → `/api/…/households?q=***&page=***`. */
export function redactQuery(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const names = url
    .slice(mark + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => `${pair.split('=')[0]}=***`);
  return `${url.slice(0, mark)}?${names.join('&')}`;
}

/** Pino serializer of `req`: Fastify's default fields, with the query values masked. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactQuery(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
