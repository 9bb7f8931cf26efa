import type { TabState } from '../tabs/state';

/** Company name → registrable domains of the sites where it received data. */
export type Sightings = Record<string, string[]>;

const MAX_COMPANIES = 500;
const MAX_SITES = 20;

/** Adds the tab's site to each third-party company it contacted. Idempotent; returns whether anything changed. */
export function recordSightings(sightings: Sightings, state: TabState): boolean {
  if (!state.site) return false;
  let changed = false;
  for (const c of Object.values(state.companies)) {
    if (c.site === state.site) continue;
    let sites = sightings[c.name];
    if (!sites) {
      if (Object.keys(sightings).length >= MAX_COMPANIES) continue;
      sites = sightings[c.name] = [];
    }
    if (sites.includes(state.site) || sites.length >= MAX_SITES) continue;
    sites.push(state.site);
    changed = true;
  }
  return changed;
}
