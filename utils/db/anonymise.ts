import { contactKey, rollupKey, signalKey } from './keys';
import type { RecordOf, TableName } from './records';

/** HMAC-SHA-256 of a site under the study key, in hex: the same site gives the same hash for every participant of a study. */
export async function keyedHash(key: CryptoKey, site: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(site));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function importStudyKey(studyKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(studyKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export interface AnonymiseOptions {
  dropPaths: boolean;
  /** Set to replace first-party sites with keyed hashes. */
  studyKey?: CryptoKey;
  /** Every site visited: an entity "site:<one of these>" is hashed too. */
  visitedSites?: ReadonlySet<string>;
}

/**
 * Rewrites one page of records for export. With a study key, every visited site becomes
 * its keyed hash wherever it appears (visits, contacts, the page's own entity, rollups),
 * titles, full URLs and the page's own host names go, and keys are rebuilt from the
 * rewritten fields.
 */
export class Anonymiser {
  private readonly cache = new Map<string, string>();
  constructor(private readonly opts: AnonymiseOptions) {}

  get active(): boolean {
    return this.opts.dropPaths || !!this.opts.studyKey;
  }

  private async prepare(sites: Iterable<string>): Promise<void> {
    const key = this.opts.studyKey;
    if (!key) return;
    for (const s of sites) if (!this.cache.has(s)) this.cache.set(s, await keyedHash(key, s));
  }

  private h(site: string): string {
    return this.cache.get(site) ?? site;
  }

  /** An entity naming a visited site ("site:<domain>") names its hash instead. */
  private entity(entity: string): { entity: string; site?: string } {
    if (!this.opts.studyKey || !entity.startsWith('site:')) return { entity };
    const site = entity.slice(5);
    if (!this.opts.visitedSites?.has(site)) return { entity };
    return { entity: `site:${this.h(site)}`, site };
  }

  async rows<T extends TableName>(table: T, rows: RecordOf[T][]): Promise<RecordOf[T][]> {
    if (!this.active) return rows;
    if (this.opts.studyKey) {
      const sites = new Set<string>();
      for (const r of rows as object[]) {
        const x = r as { site?: string; sites?: string[]; entity?: string };
        if (x.site) sites.add(x.site);
        for (const s of x.sites ?? []) sites.add(s);
        if (x.entity?.startsWith('site:') && this.opts.visitedSites?.has(x.entity.slice(5))) sites.add(x.entity.slice(5));
      }
      await this.prepare(sites);
    }
    return rows.map((r) => this.one(table, r));
  }

  private one<T extends TableName>(table: T, row: RecordOf[T]): RecordOf[T] {
    const hashing = !!this.opts.studyKey;
    switch (table) {
      case 'visits': {
        const { path, url, title, ...v } = row as RecordOf['visits'];
        return {
          ...v,
          site: hashing ? this.h(v.site) : v.site,
          ...(!this.opts.dropPaths && path !== undefined ? { path } : {}),
          ...(!this.opts.dropPaths && !hashing && url !== undefined ? { url } : {}),
          ...(!hashing && title !== undefined ? { title } : {}),
        } as RecordOf[T];
      }
      case 'contacts': {
        const c = row as RecordOf['contacts'];
        if (!hashing) return row;
        const e = this.entity(c.entity);
        return {
          ...c,
          id: contactKey(c.visit, e.entity),
          site: this.h(c.site),
          entity: e.entity,
          ...(e.site ? { name: this.h(e.site), hosts: [] } : {}),
        } as RecordOf[T];
      }
      case 'signals': {
        const s = row as RecordOf['signals'];
        if (!hashing) return row;
        const e = this.entity(s.entity);
        return e.site ? ({ ...s, entity: e.entity, id: signalKey(s.visit, e.entity, s) } as RecordOf[T]) : row;
      }
      case 'rollups': {
        const r = row as RecordOf['rollups'];
        if (!hashing) return row;
        const e = this.entity(r.entity);
        return {
          ...r,
          id: rollupKey(r.day, e.entity),
          entity: e.entity,
          ...(e.site ? { name: this.h(e.site) } : {}),
          sites: r.sites.map((s) => this.h(s)).sort(),
        } as RecordOf[T];
      }
      default:
        return row;
    }
  }
}
