import { describe, expect, it } from 'vitest';
import { changedProxyVariables, proxySettingsOf, readProxySettings, recordProxySettings } from '../../src/state/proxy-settings.ts';

describe('proxy settings main records for post', () => {
  it('records only the proxy variables that are set, and reads them back', () => {
    const env = {
      HTTPS_PROXY: 'http://proxy.example:3128',
      NO_PROXY: 'localhost',
      http_proxy: '',
      PATH: '/bin',
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    };
    const recorded = recordProxySettings(env)!;
    expect(recorded.secret).toBe(false);
    expect(readProxySettings(recorded.value)).toEqual({ HTTPS_PROXY: 'http://proxy.example:3128', NO_PROXY: 'localhost' });
  });

  it('records nothing when no proxy is set', () => {
    expect(recordProxySettings({ PATH: '/bin', HTTPS_PROXY: '' })).toBeUndefined();
    expect(readProxySettings('')).toEqual({});
  });

  it('says to mask a value that may carry a user name and password', () => {
    expect(recordProxySettings({ https_proxy: 'http://ci:pa55word@proxy.example:3128' })!.secret).toBe(true);
  });

  it('reads a damaged record as no proxy, never as whatever it holds', () => {
    expect(readProxySettings('not json')).toEqual({});
    expect(readProxySettings('["http://x"]')).toEqual({});
    expect(readProxySettings('{"PATH":"/evil","HTTPS_PROXY":"http://p:1"}')).toEqual({ HTTPS_PROXY: 'http://p:1' });
  });

  it('names the variables that changed since main, never their values', () => {
    const recorded = proxySettingsOf({ HTTPS_PROXY: 'http://a:1', NO_PROXY: 'x' });
    expect(changedProxyVariables(recorded, proxySettingsOf({ HTTPS_PROXY: 'http://a:1', NO_PROXY: 'x' }))).toEqual([]);
    expect(changedProxyVariables(recorded, proxySettingsOf({ HTTPS_PROXY: 'http://evil:1', https_proxy: 'http://evil:1' }))).toEqual([
      'HTTPS_PROXY',
      'https_proxy',
      'NO_PROXY',
    ]);
  });
});
