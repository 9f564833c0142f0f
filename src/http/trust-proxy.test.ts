import { describe, expect, it } from 'vitest';
import { trustProxyFrom } from './trust-proxy.ts';

describe('trustProxyFrom', () => {
  it('trusts nobody unless told', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom('')).toBe(false);
    expect(trustProxyFrom(' false ')).toBe(false);
  });
  it('reads every hop, or addresses and ranges', () => {
    expect(trustProxyFrom('true')).toBe(true);
    expect(trustProxyFrom(' loopback , 10.0.0.0/8,')).toBe('loopback,10.0.0.0/8');
  });
});
