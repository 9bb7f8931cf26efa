import { adRecord } from '@/utils/ads/line-text';
import type { Sightings } from '@/utils/ads/sightings';
import type { HistoryDB } from '@/utils/db/database';
import type { LensReading } from '@/utils/db/from-tab';
import { sitesOfCompanies } from '@/utils/db/queries';
import type { LearningState } from '@/utils/engine/learning';
import { popupView, type PopupView } from '@/utils/tabs/popup-view';
import type { TabState } from '@/utils/tabs/state';

const MAX_COMPANIES = 100;

/**
 * Where the tab's third parties were seen receiving data before: the local history's
 * rollups, joined with this browsing session's sightings (pages not yet written).
 */
export async function knownSightings(db: HistoryDB, session: Sightings, state: TabState): Promise<Sightings> {
  const keys = Object.values(state.companies)
    .filter((c) => c.site !== state.site)
    .slice(0, MAX_COMPANIES)
    .map((c) => c.key);
  let stored: Sightings = {};
  try {
    stored = await sitesOfCompanies(db, keys);
  } catch (e) {
    // A history that cannot be read (private mode, a broken profile) leaves the session's.
    console.warn('[targetlens] history read', e);
  }
  const out: Sightings = { ...session };
  for (const [name, sites] of Object.entries(stored)) out[name] = [...new Set([...(session[name] ?? []), ...sites])];
  return out;
}

/** The popup's view of a tab, with what the history knows. */
export async function viewWithHistory(db: HistoryDB, state: TabState, learned: LearningState, session: Sightings): Promise<PopupView> {
  return popupView(state, learned, await knownSightings(db, session, state));
}

/** What the history keeps of the political lens's reading of a page. */
export async function lensReading(db: HistoryDB, state: TabState, learned: LearningState, session: Sightings): Promise<LensReading> {
  const view = await viewWithHistory(db, state, learned, session);
  return { political: view.political.label, ads: view.ads.map(adRecord) };
}
