import type { PoliticalRole } from '../registry/schema';

export type Category =
  | 'advertising'
  | 'analytics'
  | 'social'
  | 'marketing'
  | 'customer-success'
  | 'political'
  | 'tag-manager'
  | 'consent'
  | 'video'
  | 'cdn'
  | 'hosting'
  | 'content'
  | 'utility'
  | 'other';

/** Categories from the most to the least telling about profiling: a company seen in several is shown under the first. */
export const CATEGORY_RANK: readonly Category[] = [
  'political',
  'advertising',
  'social',
  'analytics',
  'marketing',
  'customer-success',
  'tag-manager',
  'consent',
  'video',
  'content',
  'cdn',
  'hosting',
  'utility',
  'other',
];

/** Categories whose companies build or feed profiles of people. */
export const PROFILING_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'advertising',
  'analytics',
  'social',
  'marketing',
  'customer-success',
  'political',
]);

export interface Entity {
  id: string;
  name: string;
  company: string;
  category: Category;
  homepage?: string;
  political?: { role: PoliticalRole; country: string; alignment?: string; source: string };
  source: 'third-party-web' | 'targetlens-registry';
}

/** How we know a claim: a request we saw, what the page or ad says, or our reasoning. */
export type Provenance = 'observed' | 'declared' | 'inferred';

export type IdentityField =
  | 'email'
  | 'phone'
  | 'first-name'
  | 'last-name'
  | 'birth-date'
  | 'gender'
  | 'city'
  | 'region'
  | 'postcode'
  | 'country'
  | 'street'
  | 'external-id';

export type SignalKind =
  /** Personal data sent hashed (SHA-256 etc.) so the receiver can match it to a person. */
  | 'hashed-identity'
  /** Personal data sent in clear text. */
  | 'plain-identity'
  /** An ad-click identifier (gclid, fbclid …) that ties this visit to an ad click. */
  | 'click-id'
  /** A conversion or tracking event reported by an ad pixel. */
  | 'pixel-event'
  /** Two ad companies exchanging their identifiers for you (cookie sync). */
  | 'id-sync'
  /** An identifier-like value sent in the URL. */
  | 'identifier-in-url'
  /** A fire-and-forget report (sendBeacon, ping, 1×1 pixel). */
  | 'beacon'
  /** A third party set a cookie that can recognise you across sites. */
  | 'third-party-cookie';

export interface Signal {
  kind: SignalKind;
  /** Parameter, cookie or event names: never the values people could be identified by. */
  evidence: string[];
  fields?: IdentityField[];
  /** A pixel event name (PageView, Donate …) or conversion id: what was reported, not about whom. */
  detail?: string;
  provenance: Provenance;
}

export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'webtransport'
  | 'webbundle'
  | 'beacon'
  | 'other';

export interface RequestBody {
  formData?: Record<string, string[]>;
  text?: string;
}

export interface RequestInput {
  url: string;
  /** The top-level page the request was made for. */
  documentUrl?: string;
  type?: ResourceType | string;
  body?: RequestBody;
}

/** Why an unnamed domain counts as a tracker. */
export type Listing = 'tracking' | 'advertising';

export interface Classification {
  host: string;
  site: string;
  party: 'first' | 'third';
  entity?: Entity;
  /** Set when a tracker list we ship flags the domain, named or not. */
  listed?: Listing;
  signals: Signal[];
}
