import type { Classification, Provenance } from '../engine/types';
import { readDisclosures, readDsaFields, type Disclosure } from '../engine/political';
import { partyOfSite } from '../registry/parties';
import type { TabState } from '../tabs/state';
import type { SlotKind } from '../observe/ad-text';
import { refusesAdProfiles } from '../engine/consent';

export type AdSection = 'bought' | 'paid' | 'told' | 'known' | 'rules';
export const AD_SECTIONS: readonly AdSection[] = ['bought', 'paid', 'told', 'known', 'rules'];

/** One line of "Why did I see this ad?": a message key, its values, and how we know. */
export interface AdLine {
  section: AdSection;
  key: string;
  subs: string[];
  provenance: Provenance;
}

export interface AdView {
  key: string;
  kind: SlotKind;
  size: [number, number];
  political: boolean;
  sponsor?: string;
  /** Political-ad labels found on the ad, with their language. */
  labels: { text: string; language: string }[];
  noticeUrl?: string;
  advertiserDomains: string[];
  lines: AdLine[];
}

export interface AdContext {
  classify: (url: string) => Classification;
  /** Company name → registrable domains of sites where it received data: the local history and this browsing session. */
  sightings: Record<string, string[]>;
}

const POLITICAL_KINDS = new Set<Disclosure['kind']>(['political-ad-label', 'paid-for', 'authorized-by', 'not-authorized']);
const SPONSOR_KINDS = new Set<Disclosure['kind']>(['paid-for', 'authorized-by']);
const MAX_SITES_LISTED = 5;

function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The company behind a Prebid bidder code, among those the page contacted ("openx" → OpenX). */
function bidderCompany(bidder: string, state: TabState): string | undefined {
  const code = squash(bidder);
  if (code.length < 3) return undefined;
  for (const c of Object.values(state.companies)) {
    if (c.category !== 'advertising') continue;
    if (squash(c.name).startsWith(code) || c.products.some((p) => squash(p).startsWith(code)) || c.hosts.some((h) => squash(h).includes(code))) return c.name;
  }
  return undefined;
}

/** The name the tab already uses for the company behind a host (owners merged: Facebook → Meta). */
function companyOfHost(state: TabState, c: Classification): string {
  const key = state.hosts[c.host]?.company;
  return (key && state.companies[key]?.name) || c.entity?.company || c.site;
}

function dedupe(list: Disclosure[]): Disclosure[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.kind}|${d.evidence}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface SlotSource {
  key: string;
  kind: SlotKind;
  elementId?: string;
  size: [number, number];
  frameHosts: string[];
  text: string;
  links: { href: string; text: string }[];
}

/** The slots to explain: those the top frame found, plus any the ad libraries named that it did not. */
function slotSources(state: TabState): SlotSource[] {
  const ads = state.ads;
  const out: SlotSource[] = (ads?.slots ?? []).map((s) => ({ ...s }));
  const known = new Set(out.flatMap((s) => [s.key, s.elementId].filter(Boolean)));
  const add = (id: string, kind: SlotKind) => {
    if (!id || known.has(id)) return;
    known.add(id);
    out.push({ key: id, kind, elementId: id, size: [0, 0], frameHosts: [], text: '', links: [] });
  };
  for (const g of state.page.slots) add(g.elementId, 'gpt');
  for (const b of state.page.bids) add(b.slot, 'prebid');
  return out;
}

/**
 * "Why did I see this ad?" for every ad slot of a tab: how it was bought, who paid, what
 * the page told the bidders, what the companies involved could already know, and what the
 * rules say. Each line says how we know it.
 */
export function adViews(state: TabState, ctx: AdContext): AdView[] {
  const views: AdView[] = [];
  const frames = state.ads?.frames ?? {};
  const links = state.ads?.links ?? {};
  const p = state.page;
  for (const slot of slotSources(state)) {
    const ids = new Set([slot.key, slot.elementId].filter((x): x is string => !!x));
    const frameTexts = Object.entries(frames).filter(([token]) => links[token] === slot.key).map(([, f]) => f);
    const disclosures = dedupe([slot, ...frameTexts].flatMap((x) => (x.text || x.links.length ? readDisclosures({ text: x.text, links: x.links }) : [])));
    const frameCompanies = slot.frameHosts
      .map((h) => ctx.classify(`https://${h}/`))
      .filter((c) => c.party === 'third' && c.entity && ['advertising', 'social', 'marketing'].includes(c.entity.category));
    const gpt = p.slots.find((g) => ids.has(g.elementId));
    const bid = p.bids.find((b) => ids.has(b.slot));
    const auction = (p.auctions ?? []).find((a) => ids.has(a.slot));
    const isAd = slot.kind !== 'iframe' || frameCompanies.length > 0 || disclosures.length > 0;
    if (!isAd) continue;

    const lines: AdLine[] = [];
    const line = (section: AdSection, key: string, subs: (string | number)[], provenance: Provenance) =>
      lines.push({ section, key, subs: subs.map(String), provenance });

    // How it was bought.
    if (gpt) {
      line('bought', 'adBoughtGpt', [gpt.slot || gpt.elementId], 'declared');
      if (gpt.advertiserId !== undefined) line('bought', 'adServedBy', [gpt.advertiserId, gpt.campaignId ?? '?', gpt.creativeId ?? '?'], 'declared');
    }
    if (slot.kind === 'adsense') line('bought', 'adBoughtAdSense', [], 'declared');
    if (auction) line('bought', 'adAuction', [auction.bidders.join(', ')], 'declared');
    if (bid) line('bought', 'adWinner', [bidderCompany(bid.bidder, state) ?? bid.bidder], 'declared');
    for (const c of frameCompanies) line('bought', 'adFrameFrom', [c.host, companyOfHost(state, c)], 'observed');
    for (const d of disclosures.filter((x) => x.kind === 'sponsored')) line('bought', 'adNativeLabel', [d.evidence], 'declared');

    // Who paid.
    const sponsor = disclosures.find((d) => SPONSOR_KINDS.has(d.kind) && d.sponsor)?.sponsor ?? disclosures.find((d) => d.sponsor)?.sponsor;
    const advertiserDomains = bid?.advertiserDomains ?? [];
    if (advertiserDomains.length) line('paid', 'adAdvertiser', [advertiserDomains.join(', ')], 'declared');
    const dsa = bid?.dsa ? readDsaFields(bid.dsa) : undefined;
    if (dsa && (dsa.behalf || dsa.paid)) line('paid', 'adDsa', [dsa.behalf ?? '?', dsa.paid ?? '?'], 'declared');
    for (const d of disclosures.filter((x) => x.sponsor)) line('paid', 'adSponsor', [d.sponsor!, d.evidence], 'declared');
    const labels = disclosures.filter((d) => d.kind === 'political-ad-label').map((d) => ({ text: d.evidence, language: d.language }));
    for (const l of labels) line('paid', 'adPoliticalLabel', [l.text, l.language], 'declared');
    const noticeUrl = disclosures.find((d) => d.noticeUrl)?.noticeUrl;
    if (noticeUrl) line('paid', 'adNotice', [noticeUrl], 'declared');
    if (!sponsor && !advertiserDomains.length && !dsa?.behalf && !dsa?.paid) line('paid', 'adNoSponsor', [], 'inferred');

    // What the page told the bidders about the person.
    const keys = [...new Set([...(gpt?.pageKeys ?? []), ...(gpt?.targetingKeys ?? [])])];
    if (keys.length) line('told', 'adTargetingKeys', [keys.join(', ')], 'declared');
    if ((auction || bid) && p.eids.length) {
      const person = p.eids.filter((e) => e.atype === 3).map((e) => e.source);
      line('told', person.length ? 'adIdentityPerson' : 'adIdentity', [p.eids.map((e) => e.source).join(', '), person.join(', ')], 'declared');
    }
    if (p.consent) line('told', refusesAdProfiles(p.consent) ? 'adConsentRefused' : 'adConsentAllowed', [p.consent.vendors], 'declared');
    else line('told', 'adConsentNone', [], 'inferred');

    // What the companies that placed it could already know, from the local history and this browsing session.
    const involved = new Set<string>();
    if (bid) {
      const c = bidderCompany(bid.bidder, state);
      if (c) involved.add(c);
    }
    if (gpt || slot.kind === 'adsense') involved.add('Google');
    for (const c of frameCompanies) involved.add(companyOfHost(state, c));
    for (const name of involved) {
      const elsewhere = (ctx.sightings[name] ?? []).filter((s) => s !== state.site);
      if (elsewhere.length) line('known', 'adSeenElsewhere', [name, elsewhere.length, elsewhere.slice(0, MAX_SITES_LISTED).join(', ')], 'observed');
      else line('known', 'adSeenNowhere', [name], 'observed');
    }

    // What the rules say.
    const advertiserParty = advertiserDomains.map((d) => partyOfSite(d)).find(Boolean);
    const political = disclosures.some((d) => POLITICAL_KINDS.has(d.kind)) || !!advertiserParty;
    if (political) {
      const missing = [labels.length ? undefined : 'adMissingLabel', noticeUrl ? undefined : 'adMissingNotice'].filter((x): x is string => !!x);
      if (missing.length) line('rules', 'adRulesMissing', missing, 'inferred');
      else line('rules', 'adRulesComplete', [], 'inferred');
      line('rules', 'adRulesSpecialData', [], 'inferred');
      if (disclosures.some((d) => d.kind === 'paid-for' || d.kind === 'authorized-by' || d.kind === 'not-authorized')) line('rules', 'adRulesUs', [], 'inferred');
    }

    views.push({ key: slot.key, kind: slot.kind, size: slot.size, political, sponsor: sponsor ?? dsa?.behalf, labels, noticeUrl, advertiserDomains, lines });
  }
  // Political ads first, then the ones we know most about.
  return views.sort((a, b) => Number(b.political) - Number(a.political) || b.lines.length - a.lines.length);
}
