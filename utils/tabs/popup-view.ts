import { adViews, type AdView } from '../ads/explain';
import type { Sightings } from '../ads/sightings';
import { classifyRequest } from '../engine/classify';
import type { LearningState } from '../engine/learning';
import { classifyPoliticalPage, type PoliticalTech, type PoliticalVerdict } from '../engine/political';
import { politicalVendors } from '../registry/political';
import type { TabState } from './state';
import { tabView, type TabView } from './view';

export interface PopupView extends TabView {
  political: PoliticalVerdict;
  ads: AdView[];
}

/** The political technology a page runs: from its requests, and from its markup and globals. */
function politicalTech(state: TabState): PoliticalTech[] {
  const out = new Map<string, PoliticalTech>();
  for (const c of Object.values(state.companies)) {
    const id = c.key.replace(/^vendor:/, '');
    if (c.political) out.set(id, { id, name: c.name, role: c.political.role, ...(c.political.alignment ? { alignment: c.political.alignment } : {}) });
  }
  for (const f of state.page.campaign) {
    const v = politicalVendors.find((x) => x.id === f.platform);
    if (v && !out.has(v.id)) out.set(v.id, { id: v.id, name: v.name, role: v.role, ...(v.alignment ? { alignment: v.alignment } : {}) });
  }
  return [...out.values()];
}

/** Whether the page is political, and why. Pages that have not reported their text are judged on what we observed. */
export function politicalVerdict(state: TabState): PoliticalVerdict {
  const page = state.pageText ?? { url: state.url, title: '', headings: [], meta: {}, schemaTypes: [], text: '' };
  return classifyPoliticalPage({ page, site: state.site, politicalTech: politicalTech(state) });
}

/** Everything the popup shows for a tab: companies, page findings, the political reading and the ads. */
export function popupView(state: TabState, learned: LearningState, sightings: Sightings, now = Date.now()): PopupView {
  return {
    ...tabView(state, learned, now),
    political: politicalVerdict(state),
    ads: adViews(state, { classify: (url) => classifyRequest({ url, documentUrl: state.url }), sightings }),
  };
}
