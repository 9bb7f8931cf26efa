import type { EntityTable } from 'dexie';
import { CATEGORY_RANK, type Category } from '../engine/types';
import { rollupKey } from './keys';
import type { Contact, Rollup } from './records';

/** Only third parties are rolled up: the first-party entries are the sites themselves. */
export function contributes(c: Contact): boolean {
  return c.party === 'third';
}

/** The most telling of two categories, as the popup ranks them. */
function better(a: Category, b: Category): Category {
  return CATEGORY_RANK.indexOf(b) < CATEGORY_RANK.indexOf(a) ? b : a;
}

function insertSorted(list: string[], value: string): string[] {
  if (list.includes(value)) return list;
  return [...list, value].sort();
}

/** One company on one day, from all its contacts of that day. */
export function rollupFromContacts(contacts: readonly Contact[]): Rollup | undefined {
  const own = contacts.filter(contributes);
  const first = own[0];
  if (!first) return undefined;
  const last = own[own.length - 1]!;
  return {
    id: rollupKey(first.day, first.entity),
    day: first.day,
    entity: first.entity,
    name: last.name,
    category: own.reduce<Category>((best, c) => better(best, c.category), first.category),
    sites: [...new Set(own.map((c) => c.site))].sort(),
    visits: own.length,
    requests: own.reduce((n, c) => n + c.requests, 0),
    signals: own.reduce((n, c) => n + c.signals, 0),
  };
}

/**
 * A rollup after a contact was written, given what the contact was before (if anything):
 * adds only the difference, so rewriting the same contact changes nothing.
 */
export function applyContact(r: Rollup | undefined, next: Contact, old: Contact | undefined): Rollup {
  const base: Rollup = r ?? { id: rollupKey(next.day, next.entity), day: next.day, entity: next.entity, name: next.name, category: next.category, sites: [], visits: 0, requests: 0, signals: 0 };
  return {
    ...base,
    name: next.name,
    category: better(base.category, next.category),
    sites: insertSorted(base.sites, next.site),
    visits: base.visits + (old ? 0 : 1),
    requests: base.requests + next.requests - (old?.requests ?? 0),
    signals: base.signals + next.signals - (old?.signals ?? 0),
  };
}

/**
 * Recomputes the rollups of the given (day, entity) pairs from the contacts: after a
 * deletion or an import. Must run inside a transaction over contacts and rollups.
 */
export async function recomputeRollups(contacts: EntityTable<Contact, 'id'>, rollups: EntityTable<Rollup, 'id'>, pairs: Iterable<readonly [number, string]>): Promise<void> {
  const seen = new Set<string>();
  const puts: Rollup[] = [];
  const deletes: string[] = [];
  for (const [day, entity] of pairs) {
    const key = rollupKey(day, entity);
    if (seen.has(key)) continue;
    seen.add(key);
    const list = await contacts.where('[day+entity]').equals([day, entity]).toArray();
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const r = rollupFromContacts(list);
    if (r) puts.push(r);
    else deletes.push(key);
  }
  if (puts.length) await rollups.bulkPut(puts);
  if (deletes.length) await rollups.bulkDelete(deletes);
}
