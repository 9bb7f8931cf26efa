import { describe, expect, it } from 'vitest';
import { classifyRequest } from '@/utils/engine';
import { parseUrl, siteOf } from '@/utils/engine/url';

const PAGE = 'https://www.example-news.org/article';

describe('classifyRequest never throws and stays sensible on bad input', () => {
  const cases: [string, unknown, Partial<ReturnType<typeof classifyRequest>>][] = [
    ['empty string', '', { host: '', party: 'first' }],
    ['not a URL', 'not a url at all', { host: '' }],
    ['data: URL', 'data:image/png;base64,iVBORw0KGgo=', { host: '' }],
    ['blob: URL', 'blob:https://www.example-news.org/6f1c-4d', { host: '' }],
    ['extension URL', 'chrome-extension://abcdefghijklmnop/popup.html', { host: 'abcdefghijklmnop' }],
    ['about:blank', 'about:blank', { host: '' }],
    ['IPv4 literal', 'http://192.168.1.20:8080/x.gif', { host: '192.168.1.20', site: '192.168.1.20', party: 'third' }],
    ['IPv4 in hex, as WHATWG reads it', 'http://0x7f.0.0.1/', { host: '127.0.0.1' }],
    ['IPv6 literal', 'https://[2001:db8::1]/pixel.gif', { host: '2001:db8::1', site: '2001:db8::1', party: 'third' }],
    ['punycode host', 'https://xn--strer-lua.de/ad.js', { host: 'xn--strer-lua.de', site: 'xn--strer-lua.de' }],
    ['unicode host becomes punycode', 'https://ströer.de/ad.js', { host: 'xn--strer-lua.de' }],
    ['upper case and trailing dot', 'HTTPS://Connect.Facebook.NET./en_US/fbevents.js', { host: 'connect.facebook.net', site: 'facebook.net' }],
    ['userinfo', 'https://user:pw@www.facebook.com/tr?id=1', { host: 'www.facebook.com' }],
    ['no scheme', '//www.facebook.com/tr', { host: '' }],
    ['a number', 42, { host: '' }],
    ['null', null, { host: '' }],
  ];
  for (const [name, url, expected] of cases) {
    it(name, () => {
      const c = classifyRequest({ url: url as string, documentUrl: PAGE });
      expect(c).toMatchObject(expected);
      expect(Array.isArray(c.signals)).toBe(true);
    });
  }

  it('a 100 kB URL is classified, its query read only so far', () => {
    const url = 'https://www.facebook.com/tr/?id=1&ev=PageView&' + 'x=' + 'a'.repeat(100_000) + '&ud[em]=' + 'b'.repeat(64);
    const c = classifyRequest({ url, documentUrl: PAGE });
    expect(c.entity?.company).toBe('Meta');
    expect(c.signals.find((s) => s.kind === 'pixel-event')?.detail).toBe('PageView #1');
  });

  it('a query of ten thousand parameters is read no further than the bound', () => {
    const url = 'https://t.example-ads.com/p?' + Array.from({ length: 10_000 }, (_, i) => `k${i}=v`).join('&') + '&gclid=abc';
    const c = classifyRequest({ url, documentUrl: PAGE });
    expect(c.signals.some((s) => s.kind === 'click-id')).toBe(false);
  });

  it('malformed percent-escapes do not throw', () => {
    const c = classifyRequest({ url: 'https://www.facebook.com/tr?ud%5Bem%5D=%E0%A4%A&ev=%', documentUrl: PAGE });
    expect(c.host).toBe('www.facebook.com');
  });
});

describe('parseUrl and siteOf', () => {
  it('splits path and query and drops the fragment', () => {
    expect(parseUrl('https://a.b.example.com:8443/p/q?x=1&y=2#frag')).toEqual({ protocol: 'https:', host: 'a.b.example.com', path: '/p/q', query: 'x=1&y=2' });
  });
  it('uses the private section of the Public Suffix List', () => {
    expect(siteOf('alice.github.io')).toBe('alice.github.io');
    expect(siteOf('d3n8a8pro7vhmx.cloudfront.net')).toBe('d3n8a8pro7vhmx.cloudfront.net');
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('localhost')).toBe('localhost');
  });
});

describe('the fast host scan agrees with WHATWG URL parsing', () => {
  const whatwg = (u: string) => {
    const h = new URL(u).hostname.toLowerCase().replace(/\.$/, '');
    return h.startsWith('[') ? h.slice(1, -1) : h;
  };
  it.each([
    'https://www.facebook.com/tr?id=1',
    'https://WWW.Facebook.COM/tr',
    'https://a.com./x',
    'https://a.com:443/x',
    'https://a.com:8080',
    'https://a.com?x=1',
    'https://a.com#frag',
    'http://0x7f.0.0.1/',
    'http://127.1/',
    'http://1.2.3.4.5/',
    'http://a.b.0x10/',
    'http://example.123/',
    'https://a..com/',
    'https://.a.com/',
    'https://user@a.com/',
    'https://a.com\\evil.com/',
    'https://xn--strer-lua.de/',
    'https://münchen.de/',
    'https://a%2Eb.com/',
    'wss://socket.example.com/live',
    'https://[::1]:8443/',
  ])('%s', (url) => {
    let expected: string;
    try {
      expected = whatwg(url);
    } catch {
      expected = '';
    }
    expect(parseUrl(url).host).toBe(expected);
  });
});

describe('what a page controls stays bounded', () => {
  it('a 100 kB parameter name is cut before it reaches the evidence', () => {
    const name = 'uid' + 'x'.repeat(100_000);
    const c = classifyRequest({ url: `https://t.example-ads.com/p?${name}=fb.1.1700000000000.1234567890`, documentUrl: PAGE });
    const evidence = c.signals.flatMap((s) => s.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e.length).toBeLessThanOrEqual(128);
  });
});
