import compiled from './generated/tracker-index.json';
import { politicalVendors } from '../registry/political';
import { requestSignals } from './signals';
import { TrackerIndex, type CompiledIndex } from './tracker-index';
import type { Classification, Entity, RequestInput } from './types';
import { parseUrl, siteOf } from './url';

let shared: TrackerIndex | undefined;

/** The index built from the shipped data, created on first use. */
export function defaultIndex(): TrackerIndex {
  shared ??= new TrackerIndex(compiled as unknown as CompiledIndex, politicalVendors);
  return shared;
}

const NO_SIGNALS: Classification['signals'] = [];

function sameOwner(a: Entity | undefined, b: Entity | undefined): boolean {
  return !!a && !!b && a.company === b.company;
}

/**
 * Names who receives a request and what it tells them. Pure and total: any input,
 * however malformed, gives a result.
 */
export function classifyRequest(req: RequestInput, index: TrackerIndex = defaultIndex()): Classification {
  try {
    const url = parseUrl(req.url);
    if (!url.host) return { host: '', site: '', party: 'first', signals: NO_SIGNALS };
    const site = siteOf(url.host);
    const found = index.lookup(url.host, site);
    let party: Classification['party'] = 'first';
    const doc = req.documentUrl ? parseUrl(req.documentUrl) : undefined;
    if (doc?.host && req.type !== 'main_frame') {
      const docSite = siteOf(doc.host);
      if (docSite !== site && !sameOwner(found.entity, index.lookup(doc.host, docSite).entity)) party = 'third';
    }
    const signals = requestSignals({ host: url.host, site, path: url.path, query: url.query, party, type: req.type, body: req.body });
    return { host: url.host, site, party, entity: found.entity, listed: found.listed, signals };
  } catch {
    return { host: '', site: '', party: 'first', signals: NO_SIGNALS };
  }
}

/** Attribution alone, for the benchmark and for callers that need no signals. */
export function attribute(url: string, index: TrackerIndex = defaultIndex()): Entity | undefined {
  const host = parseUrl(url).host;
  return host ? index.lookup(host, siteOf(host)).entity : undefined;
}
