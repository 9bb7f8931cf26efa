import type { PoliticalVendor } from '../registry/schema';
import { companyOwners, entityRenames } from '../registry/owners';
import type { Category, Entity, Listing } from './types';

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

const LISTING_BITS: Record<Listing, number> = { tracking: 1, advertising: 2 };
const LISTING_OF: (Listing | undefined)[] = [undefined, 'tracking', 'advertising'];

/**
 * Hostname → company, in a few hash probes: one for the exact host, then one per
 * parent domain down to the registrable domain. Every suffix entry packs an entity
 * (index + 1, or 0) and a tracker-list flag into one number, so one walk answers both.
 */
export class TrackerIndex {
  readonly entities: Entity[];
  private readonly exact = new Map<string, number>();
  private readonly suffix = new Map<string, number>();
  private readonly byId = new Map<string, Entity>();

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
    for (const [domain, idx] of Object.entries(data.suffix)) this.suffix.set(domain, (idx + 1) << 2);
    for (const listing of ['advertising', 'tracking'] as const) {
      for (const domain of data.listed[listing].split('\n')) {
        if (domain) this.suffix.set(domain, ((this.suffix.get(domain) ?? 0) & ~3) | LISTING_BITS[listing]);
      }
    }
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
      this.suffix.set(domain, ((idx + 1) << 2) | ((this.suffix.get(domain) ?? 0) & 3));
    }
  }

  entityById(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /**
   * `site` bounds the walk: a suffix shorter than the registrable domain is a public
   * suffix (com, github.io, cloudfront.net) and says nothing about who runs the host.
   */
  lookup(host: string, site: string): Lookup {
    let entityIdx = this.exact.get(host) ?? -1;
    let listing = 0;
    let pos = 0;
    for (;;) {
      const key = pos === 0 ? host : host.slice(pos);
      if (key.length < site.length) break;
      const packed = this.suffix.get(key);
      if (packed !== undefined) {
        if (entityIdx < 0 && packed >> 2) entityIdx = (packed >> 2) - 1;
        if (!listing) listing = packed & 3;
        if (entityIdx >= 0 && listing) break;
      }
      const dot = host.indexOf('.', pos);
      if (dot === -1) break;
      pos = dot + 1;
    }
    return { entity: entityIdx >= 0 ? this.entities[entityIdx] : undefined, listed: LISTING_OF[listing] };
  }

  get size(): number {
    return this.exact.size + this.suffix.size;
  }
}
