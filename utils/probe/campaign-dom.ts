import type { ProbeFinding } from '../probe-schema';

// Campaign platforms recognisable in the DOM even when their requests look first-party
// or come from cache (shared/research/signals.md §8.1).
const SELECTORS: [Extract<ProbeFinding, { kind: 'campaign' }>['platform'], string, string][] = [
  ['everyaction', 'div.ngp-form[data-form-url*="everyaction.com"]', 'ngp-form'],
  ['actblue', 'a[href*="//secure.actblue.com/donate/"], iframe[src*="//secure.actblue.com/"]', 'actblue-donate'],
  ['action-network', 'div[id^="can-form-area-"], script[src*="actionnetwork.org/widgets/"]', 'can-form-area'],
  ['winred', 'a[href*="//secure.winred.com/"]', 'winred-donate'],
  ['anedot', 'a[href*="//secure.anedot.com/"], iframe[src*="//secure.anedot.com/"]', 'anedot-donate'],
  ['mobilize', 'a[href*="//www.mobilize.us/"], iframe[src*="mobilize.us/"]', 'mobilize-event'],
  ['nationbuilder', 'link[href*="assets.nationbuilder.com"], script[src*="assets.nationbuilder.com"]', 'nationbuilder-assets'],
];

export function campaignFromDom(doc: Document): ProbeFinding[] {
  const out: ProbeFinding[] = [];
  for (const [platform, selector, evidence] of SELECTORS) {
    try {
      if (doc.querySelector(selector)) out.push({ kind: 'campaign', platform, evidence });
    } catch {
      /* a selector the engine rejects: skip */
    }
  }
  return out;
}
