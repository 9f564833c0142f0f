/**
 * Which proxies' X-Forwarded-For the server believes (Fastify `trustProxy`). Behind a reverse proxy every request
 * comes from the proxy's address, so per-IP limits (login, public feedback) and the audit trail's ip would all
 * see one address; trusting the proxy gives them the client's. Never trust every hop blindly by default: a client
 * could then claim any address.
 */
export type TrustProxy = boolean | string;

/**
 * Reads LIANXIN_TRUST_PROXY: unset or empty → false (direct connections); 'true' → trust every hop; otherwise addresses, CIDR ranges or the names 'loopback' / 'linklocal' / 'uniquelocal',
 * comma-separated (e.g. 'loopback,10.0.0.0/8').
 */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(',');
}
