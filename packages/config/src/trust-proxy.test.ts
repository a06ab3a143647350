import { describe, expect, it } from 'vitest';
import { parseEnv } from './parse-env.ts';
import { TrustProxyEnv } from './trust-proxy.ts';

const trustProxy = (value?: string) =>
  parseEnv(TrustProxyEnv, value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it('defaults to a proxy on the same host', () => {
    expect(trustProxy()).toEqual(['loopback']);
  });

  it('takes what Express takes: false, a number of hops, names, addresses and CIDR ranges', () => {
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('loopback, 10.0.0.0/8,fd00::/8, 203.0.113.7, uniquelocal')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '203.0.113.7',
      'uniquelocal',
    ]);
  });

  it('refuses true (any client could choose its address) and anything Express would not understand, naming the variable', () => {
    expect(() => trustProxy('true')).toThrow(
      /^TRUST_PROXY: is invalid \(.*'true' would let any client choose its address\)/,
    );
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'proxy.example.com', 'loopback,', '1.2.3', '10.0.0.0/8/1', '-1']) {
      expect(() => trustProxy(bad), bad).toThrow(/^TRUST_PROXY: is invalid \(expected false, a number of proxy hops/);
    }
  });
});
