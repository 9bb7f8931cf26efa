import type { PoliticalVendor } from '../registry/schema';
import { companyOwners, entityRenames } from '../registry/owners';
import type { Category, Entity, Listing } from './types';
import { SortedLines } from './sorted-lines';
import { siteOf } from './url';

/** The shape written by scripts/build-index.mjs. */
export interface CompiledIndex {
  format: 'targetlens-tracker-index';
  version: number;
  sources: Record<string, { version: string; licence: string; [k: string]: unknown }>;
  entities: { id: string; name: string; company: string; category: string; homepage?: string }[];
  exact: Record<string, number>;
  suffix: Record<string, number>;
  listed: Record<Listing, string>;
}

export interface Lookup {
  entity?: Entity;
  listed?: Listing;
}

export interface HostInfo extends Lookup {
  site: string;
}

const HOST_CACHE_SIZE = 10_000;

/**
 * Hostname → company, in a few hash probes: one for the exact host, then one per
 * parent domain down to the registrable domain. Tracker-list membership is searched in
 * the shipped sorted lists; `describe` caches both answers per host.
 */
export class TrackerIndex {
  readonly entities: Entity[];
  private readonly exact = new Map<string, number>();
  private readonly suffix = new Map<string, number>();
  private readonly tracking: SortedLines;
  private readonly advertising: SortedLines;
  private readonly byId = new Map<string, Entity>();
  // Pages ask about the same few dozen hosts over and over.
  private readonly hosts = new Map<string, HostInfo>();

  constructor(data: CompiledIndex, vendors: readonly PoliticalVendor[]) {
    this.entities = data.entities.map((e) => ({
      id: e.id,
      name: entityRenames[e.name] ?? e.name,
      company: companyOwners[e.company] ?? e.company,
      category: e.category as Category,
      homepage: e.homepage,
      source: 'third-party-web' as const,
    }));
    for (const [host, idx] of Object.entries(data.exact)) this.exact.set(host, idx);
    for (const [domain, idx] of Object.entries(data.suffix)) this.suffix.set(domain, idx);
    this.tracking = new SortedLines(data.listed.tracking);
    this.advertising = new SortedLines(data.listed.advertising);
    for (const v of vendors) this.addVendor(v);
    for (const e of this.entities) this.byId.set(e.id, e);
  }

  /** Our registry knows these vendors better than third-party-web: it wins below their domains. */
  private addVendor(v: PoliticalVendor): void {
    const idx = this.entities.length;
    this.entities.push({
      id: v.id,
      name: v.name,
      company: v.company,
      category: 'political',
      homepage: v.source,
      political: { role: v.role, country: v.country, alignment: v.alignment, source: v.source },
      source: 'targetlens-registry',
    });
    for (const domain of v.domains) {
      for (const host of this.exact.keys()) {
        if (host === domain || host.endsWith('.' + domain)) this.exact.delete(host);
      }
      this.suffix.set(domain, idx);
    }
  }

  /** Site, company and listing of a host, cached. */
  describe(host: string): HostInfo {
    let info = this.hosts.get(host);
    if (!info) {
      const site = siteOf(host);
      info = { site, ...this.lookup(host, site) };
      if (this.hosts.size >= HOST_CACHE_SIZE) this.hosts.clear();
      this.hosts.set(host, info);
    }
    return info;
  }

  entityById(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /**
   * `site` bounds the walk: a suffix shorter than the registrable domain is a public
   * suffix (com, github.io, cloudfront.net) and says nothing about who runs the host.
   */
  lookup(host: string, site: string): Lookup {
    let entityIdx = this.exact.get(host);
    let listed: Listing | undefined;
    let pos = 0;
    for (;;) {
      const key = pos === 0 ? host : host.slice(pos);
      if (key.length < site.length) break;
      entityIdx ??= this.suffix.get(key);
      listed ??= this.tracking.has(key) ? 'tracking' : this.advertising.has(key) ? 'advertising' : undefined;
      if (entityIdx !== undefined && listed) break;
      const dot = host.indexOf('.', pos);
      if (dot === -1) break;
      pos = dot + 1;
    }
    return { entity: entityIdx === undefined ? undefined : this.entities[entityIdx], listed };
  }

  /** Hostnames and domains the index answers for. */
  get size(): number {
    return this.exact.size + this.suffix.size + this.tracking.size + this.advertising.size;
  }
}
