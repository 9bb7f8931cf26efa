import type { Param } from './params';
import type { Signal } from './types';

interface PixelEndpoint {
  /** Registrable domain of the collector. */
  site: string;
  path: RegExp;
  /** Parameter holding the event name, when the platform sends one. */
  event?: string;
  /** Parameter holding the advertiser's pixel or tag id. */
  id?: string;
  /** A fixed description of the hit when the path says what it is. */
  what?: string;
  /** The endpoint receives identity-matching fields. */
  identity?: boolean;
}

// Collect endpoints from shared/research/signals.md §1 and §8.3.
const ENDPOINTS: PixelEndpoint[] = [
  { site: 'facebook.com', path: /^\/tr\/?$/, event: 'ev', id: 'id', identity: true },
  { site: 'googleadservices.com', path: /^\/pagead\/conversion\/(\d+)/, what: 'conversion', identity: true },
  { site: 'doubleclick.net', path: /^\/pagead\/viewthroughconversion\/(\d+)/, what: 'conversion', identity: true },
  { site: 'google.com', path: /^\/pagead\/1p-conversion\/(\d+)/, what: 'conversion', identity: true },
  { site: 'google.com', path: /^\/pagead\/1p-user-list\/(\d+)/, what: 'remarketing-list', identity: true },
  { site: 'google.com', path: /^\/ccm\/collect/, event: 'en', id: 'tid', identity: true },
  { site: 'doubleclick.net', path: /^\/td\/rul\/(\d+)/, what: 'remarketing-list' },
  { site: 'google-analytics.com', path: /^\/(?:[a-z]\/)?collect/, event: 'en', id: 'tid', identity: true },
  { site: 'analytics.google.com', path: /^\/(?:[a-z]\/)?collect/, event: 'en', id: 'tid', identity: true },
  { site: 'tiktok.com', path: /^\/api\/v2\/pixel/, event: 'event', id: 'context.pixel.code', identity: true },
  { site: 'bing.com', path: /^\/action\/0/, event: 'ea', id: 'ti', identity: true },
  { site: 'twitter.com', path: /^\/i\/adsct/, event: 'events', id: 'txn_id', identity: true },
  { site: 't.co', path: /^\/i\/adsct/, event: 'events', id: 'txn_id', identity: true },
  { site: 'linkedin.com', path: /^\/collect/, id: 'pid', identity: true },
  { site: 'snapchat.com', path: /^\/(?:p|cm\/i)\b/, event: 'e', id: 'pid', identity: true },
  { site: 'reddit.com', path: /^\/rp\.gif/, event: 'event', id: 'id', identity: true },
  { site: 'pinterest.com', path: /^\/v3\/?/, event: 'event', id: 'tid', identity: true },
];

const BY_SITE = new Map<string, PixelEndpoint[]>();
for (const e of ENDPOINTS) BY_SITE.set(e.site, [...(BY_SITE.get(e.site) ?? []), e]);

export function pixelEndpoint(site: string, host: string, path: string): PixelEndpoint | undefined {
  const candidates = BY_SITE.get(site) ?? (host.endsWith('analytics.google.com') ? BY_SITE.get('analytics.google.com') : undefined);
  return candidates?.find((e) => e.path.test(path));
}

const SAFE_DETAIL = /^[\w .:,/#-]{1,64}$/;

/** Describes a hit on a known pixel endpoint: which event, for which advertiser tag. */
export function pixelSignal(endpoint: PixelEndpoint, path: string, params: readonly Param[]): Signal {
  const get = (name?: string) => (name ? params.find(([n]) => n === name)?.[1] : undefined);
  const pathId = endpoint.path.exec(path)?.[1];
  const event = endpoint.what ?? get(endpoint.event);
  const id = pathId ?? get(endpoint.id);
  const evidence = [endpoint.event, endpoint.id].filter((n): n is string => !!n && get(n) !== undefined);
  const parts = [event, id && `#${id}`].filter((p): p is string => !!p && SAFE_DETAIL.test(p));
  return { kind: 'pixel-event', provenance: 'observed', evidence, detail: parts.join(' ') || undefined };
}
