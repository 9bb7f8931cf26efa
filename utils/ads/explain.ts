import type { Classification, Provenance } from '../engine/types';
import { partisanDonations, readDisclosures, readDsaFields, type Disclosure, type DsaFields } from '../engine/political';
import type { MessageKey } from '../i18n';
import { partyOfSite } from '../registry/parties';
import { politicalVendors } from '../registry/political';
import type { TabState } from '../tabs/state';
import type { SlotKind } from '../observe/ad-text';
import { refusesAdProfiles } from '../engine/consent';
import { TECHNICAL_KEY } from '../probe/parse';
import { sensitiveKind, type SensitiveKind } from './segments';

export type AdSection = 'bought' | 'paid' | 'told' | 'known' | 'rules';
export const AD_SECTIONS: readonly AdSection[] = ['bought', 'paid', 'told', 'known', 'rules'];

/**
 * A value put into a line: plain text; another message (itself with values); a list,
 * joined in the reader's language; or a language code, shown by its name.
 */
export type LineSub = string | { msg: MessageKey; subs?: LineSub[] } | { list: LineSub[] } | { lang: string };

/** One line of "Why did I see this ad?": a message key, its values, and how we know. */
export interface AdLine {
  section: AdSection;
  key: MessageKey;
  subs: LineSub[];
  provenance: Provenance;
}

export interface AdView {
  key: string;
  kind: SlotKind;
  size: [number, number];
  political: boolean;
  sponsor?: string;
  /** Political-ad labels found on the ad, with their language and whose wording they use: EU law's, or US rules' ("Political ad", "pol ad"). */
  labels: { text: string; language: string; rule: 'eu' | 'us' }[];
  /** The TTPA transparency notice's address, when the ad links to one. */
  noticeUrl?: string;
  advertiserDomains: string[];
  lines: AdLine[];
}

export interface AdContext {
  classify: (url: string) => Classification;
  /** Company name → registrable domains of sites where it received data: the local history and this browsing session. */
  sightings: Record<string, string[]>;
}

const POLITICAL_KINDS = new Set<Disclosure['kind']>(['political-ad-label', 'us-political-label', 'paid-for', 'authorized-by', 'not-authorized']);
const SPONSOR_KINDS = new Set<Disclosure['kind']>(['paid-for', 'authorized-by']);
const US_KINDS = new Set<Disclosure['kind']>(['us-political-label', 'paid-for', 'authorized-by', 'not-authorized']);
const MAX_SITES_LISTED = 5;
/** Segment values: every key the probe reports (at most 20, 10 values each) is read for sensitive names; fewer are listed. */
const MAX_SEGMENT_KEYS_READ = 20;
const MAX_SEGMENT_VALUES_READ = 10;
const MAX_SEGMENT_KEYS_SHOWN = 6;
const MAX_SEGMENT_VALUES_SHOWN = 5;
const MAX_SENSITIVE_LISTED = 12;
/** Targeting keys named in the Art. 18 line. */
const MAX_SIGNAL_KEYS = 10;

/** Member states of the EU (country-code top-level domains), and `.eu`. */
const EU_TLDS = new Set(
  'at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si es se eu'.split(' '),
);
/** Page languages taken for EU ones when the tag names no region: those of our EU label words (English is as much American). */
const EU_LANGS = new Set(['de', 'fr', 'nl']);

const SENSITIVE_KEYS: Record<SensitiveKind, MessageKey> = {
  politics: 'adSensitivePolitics',
  religion: 'adSensitiveReligion',
  health: 'adSensitiveHealth',
  sexuality: 'adSensitiveSexuality',
  ethnicity: 'adSensitiveEthnicity',
  union: 'adSensitiveUnion',
};

/** DSA user parameters (OpenRTB DSA extension, `dsaparams`). */
const DSA_PARAM_KEYS: Record<number, MessageKey> = { 1: 'adDsaProfiling', 2: 'adDsaBasic', 3: 'adDsaGeo' };

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

/**
 * The political vendor whose domain this is, among those whose own ads are political:
 * political ad tech (DSPolitical, Resonate) and donation platforms that serve one side
 * only (ActBlue, WinRed). A campaign CRM or voter-data firm (NationBuilder, L2) that
 * advertises its own product is selling software, not running a political ad.
 */
function politicalAdvertiserOf(domain: string) {
  const d = domain.trim().toLowerCase();
  const v = politicalVendors.find((x) => x.domains.some((y) => d === y || d.endsWith(`.${y}`)));
  return v && (v.role === 'political-ad-tech' || partisanDonations(v)) ? v : undefined;
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

type Jurisdiction = { where: 'eu' | 'us' | 'unknown'; because: LineSub[] };

/** A US disclaimer: "Paid for by", "Authorized by", "Not authorized by any candidate", or a US label. */
function usDisclaimerOf(disclosures: Disclosure[]): Disclosure | undefined {
  const us = disclosures.filter((d) => US_KINDS.has(d.kind) && d.language === 'en');
  return us.find((d) => d.kind === 'paid-for') ?? us[0];
}

/**
 * Which rules we take to apply, and why: an inference, tried in this order, from
 * 1. wording only EU law uses (a German, French or Dutch label, a transparency notice);
 * 2. an EU country's domain, or a page language tagged with an EU country (en-IE, de-AT);
 * 3. a US disclaimer in English ("Paid for by …"), a .us or .gov domain, or `en-US`;
 * 4. a country domain or language region outside the EU (.uk, de-CH): we cannot tell;
 * 5. the English EU label ("Political advertisement"), or German, French or Dutch as the
 *    page's language without a region.
 * English labels come late because US ads use the same words, often next to a "Paid for by".
 */
function jurisdiction(state: TabState, disclosures: Disclosure[]): Jurisdiction {
  const tld = state.site.split('.').pop()?.toLowerCase() ?? '';
  const lang = (state.pageText?.lang ?? '').trim();
  const [base = '', region = ''] = lang.toLowerCase().split(/[-_]/);
  const because = (msg: MessageKey, subs: LineSub[] = []): LineSub[] => [{ msg, subs }];
  const euWording = disclosures.some((d) => d.kind === 'transparency-notice' || (d.kind === 'political-ad-label' && d.language !== 'en'));
  if (euWording) return { where: 'eu', because: because('adWhyEuLabel') };
  if (EU_TLDS.has(tld)) return { where: 'eu', because: because('adWhyTld', [`.${tld}`]) };
  if (EU_TLDS.has(region)) return { where: 'eu', because: because('adWhyLang', [lang]) };
  const us = usDisclaimerOf(disclosures);
  if (us) return { where: 'us', because: because('adWhyUsDisclaimer', [us.evidence]) };
  if (tld === 'us' || tld === 'gov') return { where: 'us', because: because('adWhyTld', [`.${tld}`]) };
  if (region === 'us') return { where: 'us', because: because('adWhyLang', [lang]) };
  if (/^[a-z]{2}$/.test(tld) || /^[a-z]{2}$/.test(region)) return { where: 'unknown', because: [] };
  if (disclosures.some((d) => d.kind === 'political-ad-label')) return { where: 'eu', because: because('adWhyEuLabel') };
  if (!region && EU_LANGS.has(base)) return { where: 'eu', because: because('adWhyLang', [lang]) };
  return { where: 'unknown', because: [] };
}

/** Keys that describe the page (its section, topic, keywords, the slot's position), not the person. */
const CONTEXT_KEY = /^(?:ressort|rubri[kc]|sections?|sect|subsection|category|cat|channel|topics?|thema|themen|tags?|kw|keywords?|page|pagetype|pt|url|path|article|content|site|lang|pos|position|slot)$/i;

/** Ad-server plumbing besides header bidding: refresh counters, test flags, tile and size numbers. */
const PLUMBING_KEY = /^(?:refresh|refreshed|test|adtest|tile|ord|sz|size|adsize)$/i;

/** Targeting keys that may carry something about the person: not about the page, not auction plumbing. */
function personalKeys(keys: string[]): string[] {
  return keys.filter((k) => !CONTEXT_KEY.test(k) && !TECHNICAL_KEY.test(k) && !PLUMBING_KEY.test(k));
}

/**
 * Targeting values that look like segment names: the first few keys as "key: a, b", with
 * how many keys were left out; and, over all of them, the names that suggest sensitive
 * targeting, in keys that are not about the page itself.
 */
function segmentsOf(values: Record<string, string[]> | undefined): { shown: string[]; more: number; sensitive: LineSub[] } {
  const entries = Object.entries(values ?? {})
    .filter(([, list]) => Array.isArray(list) && list.length > 0)
    .slice(0, MAX_SEGMENT_KEYS_READ)
    .map(([key, list]) => [key.slice(0, 64), list.slice(0, MAX_SEGMENT_VALUES_READ).map((v) => v.slice(0, 40))] as const);
  const shown = entries.slice(0, MAX_SEGMENT_KEYS_SHOWN).map(([key, list]) => `${key}: ${list.slice(0, MAX_SEGMENT_VALUES_SHOWN).join(', ')}`);
  const sensitive: LineSub[] = [];
  const flagged = new Set<string>();
  for (const [key, list] of entries) {
    if (CONTEXT_KEY.test(key)) continue;
    for (const v of [key, ...list]) {
      const kind = sensitiveKind(v);
      if (!kind || flagged.has(v) || sensitive.length >= MAX_SENSITIVE_LISTED) continue;
      flagged.add(v);
      sensitive.push({ msg: 'adSensitiveValue', subs: [v, { msg: SENSITIVE_KEYS[kind] }] });
    }
  }
  return { shown, more: entries.length - shown.length, sensitive };
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
    const line = (section: AdSection, key: MessageKey, subs: (LineSub | number)[], provenance: Provenance) =>
      lines.push({ section, key, subs: subs.map((s) => (typeof s === 'number' ? String(s) : s)), provenance });

    // How it was bought.
    if (gpt) {
      line('bought', 'adBoughtGpt', [gpt.slot || gpt.elementId], 'declared');
      if (gpt.advertiserId !== undefined) line('bought', 'adServedBy', [gpt.advertiserId, gpt.campaignId ?? '?', gpt.creativeId ?? '?'], 'declared');
    }
    if (slot.kind === 'adsense') line('bought', 'adBoughtAdSense', [], 'declared');
    if (auction) {
      // Who was asked is known only from the page's ad units; the answers never tell it.
      if (auction.bidders.length) line('bought', 'adAuction', [{ list: auction.bidders }], 'declared');
      else line('bought', 'adAuctionRan', [], 'declared');
      if (auction.answered) {
        if (auction.answered.length) line('bought', 'adAuctionAnswered', [{ list: auction.answered }], 'declared');
        else line('bought', 'adAuctionNoBids', [], 'declared');
      }
    }
    if (bid) line('bought', 'adWinner', [bidderCompany(bid.bidder, state) ?? bid.bidder], 'declared');
    for (const c of frameCompanies) line('bought', 'adFrameFrom', [c.host, companyOfHost(state, c)], 'observed');
    for (const d of disclosures.filter((x) => x.kind === 'sponsored' && !x.sponsor)) line('bought', 'adNativeLabel', [d.evidence], 'declared');

    // Who paid.
    const onAdSponsor = disclosures.find((d) => SPONSOR_KINDS.has(d.kind) && d.sponsor)?.sponsor ?? disclosures.find((d) => d.sponsor)?.sponsor;
    const advertiserDomains = bid?.advertiserDomains ?? [];
    if (advertiserDomains.length) line('paid', 'adAdvertiser', [{ list: advertiserDomains }], 'declared');
    const advertiserParty = advertiserDomains.map((d) => partyOfSite(d)).find(Boolean);
    if (advertiserParty) line('paid', 'adAdvertiserParty', [advertiserParty.domains[0]!, advertiserParty.name], 'inferred');
    const advertiserVendor = advertiserDomains.map(politicalAdvertiserOf).find(Boolean);
    if (advertiserVendor) {
      const key = advertiserVendor.role === 'political-ad-tech' ? 'adAdvertiserPoliticalTech' : 'adAdvertiserPartisanDonations';
      line('paid', key, [advertiserVendor.domains[0]!, advertiserVendor.name], 'inferred');
    }
    const dsa: DsaFields | undefined = bid?.dsa ? readDsaFields(bid.dsa) : undefined;
    if (dsa && (dsa.behalf || dsa.paid)) line('paid', 'adDsa', [dsa.behalf ?? '?', dsa.paid ?? '?'], 'declared');
    for (const d of disclosures.filter((x) => x.sponsor)) line('paid', 'adSponsor', [d.sponsor!, d.evidence], 'declared');
    const labels = disclosures
      .filter((d) => d.kind === 'political-ad-label' || d.kind === 'us-political-label')
      .map((d) => ({ text: d.evidence, language: d.language, rule: d.kind === 'political-ad-label' ? ('eu' as const) : ('us' as const) }));
    const political = disclosures.some((d) => POLITICAL_KINDS.has(d.kind)) || !!advertiserParty || !!advertiserVendor;
    const j = political ? jurisdiction(state, disclosures) : undefined;
    // Under US rules, US wording is named as such; under EU rules any statement that the ad is political is the label.
    for (const l of labels) line('paid', j?.where === 'us' && l.rule === 'us' ? 'adUsLabel' : 'adPoliticalLabel', [l.text, { lang: l.language }], 'declared');
    const noticeUrl = disclosures.find((d) => d.kind === 'transparency-notice' && d.noticeUrl)?.noticeUrl;
    if (noticeUrl) line('paid', 'adNotice', [noticeUrl], 'declared');
    const adChoices = disclosures.find((d) => d.kind === 'ad-choices');
    if (adChoices) line('paid', 'adChoicesLink', [adChoices.evidence], 'declared');
    if (!onAdSponsor && !advertiserDomains.length && !dsa?.behalf && !dsa?.paid) line('paid', 'adNoSponsor', [], 'inferred');

    // What the page told the bidders about the person.
    const signals: LineSub[] = [];
    const keys = [...new Set([...(gpt?.pageKeys ?? []), ...(gpt?.targetingKeys ?? [])])];
    if (keys.length) line('told', 'adTargetingKeys', [{ list: keys }], 'declared');
    // Only keys that can be about the person count for Art. 18: not the page's section, not the auction's prices.
    const personal = personalKeys(keys);
    if (personal.length) signals.push({ msg: 'adSignalKeys', subs: [{ list: personal.slice(0, MAX_SIGNAL_KEYS) }] });
    const segments = segmentsOf(gpt?.values);
    if (segments.more > 0) line('told', 'adTargetingValuesMore', [segments.shown.join('; '), segments.more], 'declared');
    else if (segments.shown.length) line('told', 'adTargetingValues', [segments.shown.join('; ')], 'declared');
    if (segments.sensitive.length) line('told', 'adTargetingSensitive', [{ list: segments.sensitive }], 'inferred');
    if ((auction || bid) && p.eids.length) {
      const person = p.eids.filter((e) => e.atype === 3).map((e) => e.source);
      const all = p.eids.map((e) => e.source);
      if (person.length) line('told', 'adIdentityPerson', [{ list: all }, { list: person }], 'declared');
      else line('told', 'adIdentity', [{ list: all }], 'declared');
      signals.push({ msg: 'adSignalIds' });
    }
    for (const t of dsa?.transparency ?? []) {
      if (!t.params.length) continue;
      line('told', 'adDsaParams', [t.domain, { list: t.params.map((n) => (DSA_PARAM_KEYS[n] ? { msg: DSA_PARAM_KEYS[n]! } : String(n))) }], 'declared');
    }
    const dsaParams = new Set((dsa?.transparency ?? []).flatMap((t) => t.params));
    if (dsaParams.has(1)) signals.push({ msg: 'adSignalProfiling' });
    if (dsaParams.has(3)) signals.push({ msg: 'adSignalGeo' });
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
    let seenElsewhere = false;
    for (const name of involved) {
      const elsewhere = (ctx.sightings[name] ?? []).filter((s) => s !== state.site);
      if (elsewhere.length) {
        seenElsewhere = true;
        line('known', 'adSeenElsewhere', [name, elsewhere.length, elsewhere.slice(0, MAX_SITES_LISTED).join(', ')], 'observed');
      } else line('known', 'adSeenNowhere', [name], 'observed');
    }
    if (seenElsewhere) signals.push({ msg: 'adSignalSeen' });

    // What the rules say: only for political ads, and only what we found, never a verdict.
    if (j) {
      line('rules', j.where === 'eu' ? 'adRulesWhereEu' : j.where === 'us' ? 'adRulesWhereUs' : 'adRulesWhereUnknown', j.because, 'inferred');
      if (j.where !== 'us') {
        // TTPA Art. 11(1)(a) asks only for a statement that the ad is political, in any words.
        const parts: [boolean, MessageKey][] = [
          [labels.length > 0, 'adPartLabel'],
          [!!onAdSponsor, 'adPartSponsor'],
          [!!noticeUrl, 'adPartNotice'],
        ];
        const found = parts.filter(([ok]) => ok).map(([, k]) => ({ msg: k }));
        const missing = parts.filter(([ok]) => !ok).map(([, k]) => ({ msg: k }));
        if (!missing.length) line('rules', 'adRulesTtpaAll', [], 'inferred');
        else if (found.length) line('rules', 'adRulesTtpaSome', [{ list: found }, { list: missing }], 'inferred');
        else line('rules', 'adRulesTtpaNone', [], 'inferred');
        if (adChoices && !noticeUrl) line('rules', 'adRulesAdChoices', [adChoices.evidence], 'inferred');
        if (signals.length) line('rules', 'adRulesTargeting', [{ list: signals }], 'inferred');
      }
      const paidFor = disclosures.find((d) => d.kind === 'paid-for' && d.language === 'en');
      if (j.where === 'us' && paidFor) line('rules', 'adRulesUs', [paidFor.evidence], 'inferred');
    }

    views.push({ key: slot.key, kind: slot.kind, size: slot.size, political, sponsor: onAdSponsor ?? dsa?.behalf, labels, noticeUrl, advertiserDomains, lines });
  }
  // Political ads first, then the ones we know most about.
  return views.sort((a, b) => Number(b.political) - Number(a.political) || b.lines.length - a.lines.length);
}
