import compiled from './generated/tracker-index.json';
import { politicalVendors } from '../registry/political';
import { requestSignals } from './signals';
import { TrackerIndex, type CompiledIndex, type HostInfo } from './tracker-index';
import type { Classification, Entity, RequestInput } from './types';
import { hostOf, parseUrl } from './url';

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
    const { site, entity, listed } = index.describe(url.host);
    let party: Classification['party'] = 'first';
    if (req.documentUrl && req.type !== 'main_frame') {
      const doc = documentInfo(req.documentUrl, index);
      if (doc && doc.site !== site && !sameOwner(entity, doc.entity)) party = 'third';
    }
    const signals =
      party === 'first' && !url.query
        ? NO_SIGNALS
        : requestSignals({ host: url.host, site, path: url.path, query: url.query, party, type: req.type, body: req.body });
    return { host: url.host, site, party, entity, listed, signals };
  } catch {
    return { host: '', site: '', party: 'first', signals: NO_SIGNALS };
  }
}

// Every request names its page, and a browser has few pages open: remember them.
const documents = new WeakMap<TrackerIndex, Map<string, HostInfo | undefined>>();
const MAX_DOCUMENTS = 256;

function documentInfo(documentUrl: string, index: TrackerIndex): HostInfo | undefined {
  let known = documents.get(index);
  if (!known) documents.set(index, (known = new Map()));
  let info = known.get(documentUrl);
  if (info === undefined && !known.has(documentUrl)) {
    const host = hostOf(documentUrl);
    info = host ? index.describe(host) : undefined;
    if (known.size >= MAX_DOCUMENTS) known.clear();
    known.set(documentUrl, info);
  }
  return info;
}

/** Attribution alone, for the benchmark and for callers that need no signals. */
export function attribute(url: string, index: TrackerIndex = defaultIndex()): Entity | undefined {
  const host = hostOf(url);
  return host ? index.describe(host).entity : undefined;
}
