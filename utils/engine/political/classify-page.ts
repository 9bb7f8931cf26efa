import { partyOfSite } from '@/utils/registry/parties';
import type { LexiconLang } from './lexicon';
import { findTerms, foldText, type Term } from './match';
import type { PageText } from './page-text';

export type PoliticalLabel = 'campaign' | 'political-news';
export type EvidenceWhere = 'title' | 'heading' | 'meta' | 'schema' | 'text' | 'url';
export type Provenance = 'observed' | 'declared' | 'inferred';

/** A word the classifier found, where, and how often: shown to the person as it is. */
export interface PoliticalEvidence {
  word: string;
  where: EvidenceWhere;
  lang?: LexiconLang;
  count: number;
}

export interface PoliticalReason {
  /** `party-site`: a party's or group's official site; `campaign-site`: a campaign's or candidate's. */
  kind: 'party-site' | 'campaign-site' | 'political-tech' | 'words';
  /** Plain text naming what was found (a party, a vendor and its role, the top words). */
  detail: string;
  provenance: Provenance;
}

export interface PoliticalVerdict {
  label: PoliticalLabel | null;
  /** 0..1; 0.5 and above exactly when there is a label. See `scoreOf`. */
  score: number;
  reasons: PoliticalReason[];
  evidence: PoliticalEvidence[];
}

export interface PoliticalTech {
  id: string;
  name: string;
  role: string;
  /** As the vendor declares it (ActBlue serves Democrats, WinRed Republicans). */
  alignment?: string;
}

/** Political-technology roles that mean the page itself campaigns (not ad tech or voter data). */
export const CAMPAIGN_TECH_ROLES: readonly string[] = ['donations', 'campaign-crm', 'organising', 'canvassing'];

/**
 * A donation platform that serves only one side's committees (ActBlue, WinRed): its form
 * on a page is strong evidence that the page campaigns. Campaign CRMs and organising
 * tools (NationBuilder, EveryAction, Action Network) also run charities' sites.
 */
export function partisanDonations(t: Pick<PoliticalTech, 'role' | 'alignment'>): boolean {
  return t.role === 'donations' && (t.alignment === 'left' || t.alignment === 'right');
}

/** A US-style disclaimer naming who paid ("Paid for by Jane Doe for Congress"): required on political committees' websites. */
const DISCLAIMER = /\bPaid for by\s+(?:the\s+)?\p{Lu}/u;

/*
 * Scoring, in short. Every lexicon word found adds weight × place:
 *   weight 1 (vote, campaign, minister), 2 (election, SPD, Tweede Kamer), 3 (Bundestagswahl, lijsttrekker);
 *   place  title 3, heading 2, meta/OpenGraph 2, schema.org 2, URL 1, body text 1;
 * with each word counted at most 4 times in the text, 3 times in headings and twice elsewhere.
 * Ambiguous party names (PS, Groen, Labour …) count only when two other political words
 * support them. `political` (the sum of election, politics and party words) decides:
 *
 *   political page  = political ≥ 12, from 3+ different words, including election or party words
 *                     worth 4+ (not one party named once in the text), and one political word
 *                     in the title, a heading, the meta tags, the schema types or the URL; and a
 *                     party, an institution or office, or an unmistakable election word (so that
 *                     a club's board election or a beauty contest's "élection" is not political).
 *   news-shaped     = schema.org NewsArticle (or a kind of it, or LiveBlogPosting), or og:type
 *                     article with an article section or a reporting voice, or 4+ reporting
 *                     words (said, sagte, selon, volgens) in the text.
 *   campaign        = the official site of a party, group, campaign or candidate (registry); or
 *                     political technology that campaigns on a page that is not news-shaped:
 *                     a partisan donation platform (ActBlue, WinRed) with political ≥ 1 and
 *                     political + calls ≥ 4, or another campaign tool (CRM, organising, canvassing)
 *                     with political ≥ 3 including a clear (weight 2+) political word; technology
 *                     alone is not enough, since charities run the same tools;
 *                     or a political page that is not news-shaped with 2+ different calls to act
 *                     (donate, mitmachen, adhérer, word lid) or a call in the title or a heading, or
 *                     schema.org PoliticalParty, or a schema.org Person described as a candidate;
 *                     or a page that presents itself as a campaign: not news-shaped, 2+ different
 *                     calls with one in the title or a heading, a party, office or unmistakable
 *                     election word, a political word outside the text, and either political ≥ 6
 *                     with a clear political word outside the text, or a "Paid for by <Name>"
 *                     disclaimer with political ≥ 3.
 *   political-news  = any other political page.
 *
 * score = political / (political + 12), raised to 0.5 (0.75 for political technology, 1 for
 * a registry site) when there is a label and held below 0.5 when there is none.
 */
/** A page is labelled exactly when its score reaches this. */
export const LABEL_THRESHOLD = 0.5;

const PLACE: Record<EvidenceWhere, number> = { title: 3, heading: 2, meta: 2, schema: 2, url: 1, text: 1 };
const CAP: Record<EvidenceWhere, number> = { title: 2, heading: 3, meta: 2, schema: 2, url: 2, text: 4 };
const POLITICAL_MIN = 12;
const STRONG_MIN = 4;
const MAX_EVIDENCE = 24;
const MAX_WORD = 60;

const NEWS_TYPES = new Set([
  'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'askpublicnewsarticle', 'liveblogposting',
]);
const POLITICAL_SECTION = /politi|election|wahl|verkiez|vote|scrutin/;

interface Found {
  term: Term;
  word: string;
  where: EvidenceWhere;
  count: number;
}

function urlText(url: string): string {
  try {
    const u = new URL(url);
    let path = u.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      /* keep it encoded */
    }
    return `${u.hostname} ${path}`.replace(/[/._+~=]+/g, ' ');
  } catch {
    return '';
  }
}

function schemaName(t: string): string {
  const s = t.trim();
  return s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#'), s.lastIndexOf(':')) + 1).toLowerCase();
}

function evidenceLang(term: Term, pageLang: string | undefined): LexiconLang | undefined {
  if (term.langs.length === 0) return undefined;
  const base = (pageLang ?? '').slice(0, 2).toLowerCase();
  return (term.langs as string[]).includes(base) ? (base as LexiconLang) : term.langs[0];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Decides whether a page is a campaign, political news, or neither, and shows why. */
export function classifyPoliticalPage(input: {
  page: PageText;
  site: string;
  politicalTech: ReadonlyArray<PoliticalTech>;
}): PoliticalVerdict {
  const { page, site } = input;

  // 1. Words, by where they are.
  const found = new Map<string, Found>();
  const scan = (text: string | undefined, where: EvidenceWhere) => {
    if (!text) return;
    for (const h of findTerms(text)) {
      const id = `${h.term.key}|${where}`;
      const f = found.get(id);
      if (f) f.count++;
      else found.set(id, { term: h.term, word: h.surface.slice(0, MAX_WORD), where, count: 1 });
    }
  };
  scan(page.title, 'title');
  for (const h of page.headings) scan(h, 'heading');
  const m = page.meta;
  for (const t of [m.description, m.keywords, m.ogTitle, m.ogDescription, m.ogSiteName]) scan(t, 'meta');
  for (const t of page.schemaText ?? []) scan(t, 'schema');
  scan(urlText(page.url), 'url');
  scan(page.text, 'text');

  const extra: Array<{ word: string; where: EvidenceWhere; kind: 'politics' | 'party' | 'call'; points: number }> = [];
  const section = m.articleSection?.trim();
  const politicalSection = !!section && POLITICAL_SECTION.test(foldText(section).toLowerCase());
  if (politicalSection) extra.push({ word: section.slice(0, MAX_WORD), where: 'meta', kind: 'politics', points: 2 * PLACE.meta });
  const types = page.schemaTypes.map(schemaName);
  const partySchema = types.includes('politicalparty');
  if (partySchema) extra.push({ word: 'PoliticalParty', where: 'schema', kind: 'party', points: 3 * PLACE.schema });
  if (types.includes('donateaction')) extra.push({ word: 'DonateAction', where: 'schema', kind: 'call', points: 2 * PLACE.schema });

  // 2. Which words count. Ambiguous party names need two other political words.
  const isPolitical = (t: Term) => t.kind === 'election' || t.kind === 'politics' || t.kind === 'party';
  const support = new Set<string>();
  for (const f of found.values()) if (isPolitical(f.term) && !f.term.ambiguous) support.add(f.term.key);
  const supported = support.size + (politicalSection ? 1 : 0) + (partySchema ? 1 : 0) >= 2;

  let political = 0;
  let strong = 0;
  let calls = 0;
  let reporting = 0;
  let anchored = false;
  /** A clear (weight 2+) election, politics or party word outside the body text. */
  let anchoredClear = false;
  /** A clear political word anywhere. */
  let clear = false;
  let candidateSchema = false;
  let callAnchored = false;
  // Elections of clubs, boards and beauty contests use election words too: a political page
  // also needs a party, an institution or office, or an unmistakable election word.
  let context = politicalSection || partySchema;
  const politicalKeys = new Set<string>();
  const callKeys = new Set<string>();
  const counted: Array<{ e: PoliticalEvidence; points: number }> = [];
  for (const f of found.values()) {
    const points = f.term.weight * PLACE[f.where] * Math.min(f.count, CAP[f.where]);
    if (f.term.kind === 'reporting') {
      if (f.where === 'text') reporting += Math.min(f.count, CAP.text);
      continue;
    }
    if (f.term.ambiguous && !supported) continue;
    if (f.term.kind === 'call') {
      calls += points;
      callKeys.add(f.term.key);
      if (f.where === 'title' || f.where === 'heading') callAnchored = true;
    } else {
      political += points;
      politicalKeys.add(f.term.key);
      if (f.where !== 'text') anchored = true;
      if (f.term.weight >= 2 && !f.term.ambiguous) {
        clear = true;
        if (f.where !== 'text') anchoredClear = true;
      }
      // A schema.org Person whose own description calls them a candidate.
      if (f.where === 'schema' && f.term.kind === 'election' && /^(?:candida|kandida)/i.test(foldText(f.word))) candidateSchema = true;
      if ((f.term.kind === 'election' || f.term.kind === 'party') && f.term.weight >= 2) strong += points;
      if (f.term.kind !== 'election' || f.term.weight === 3) context = true;
    }
    counted.push({ e: { word: f.word, where: f.where, lang: evidenceLang(f.term, page.lang), count: f.count }, points });
  }
  for (const x of extra) {
    if (x.kind === 'call') {
      calls += x.points;
      callKeys.add(`schema:${x.word}`);
    } else {
      political += x.points;
      politicalKeys.add(`${x.where}:${x.word}`);
      anchored = true;
      if (x.kind === 'party') strong += x.points;
    }
    counted.push({ e: { word: x.word, where: x.where, count: 1 }, points: x.points });
  }

  counted.sort((a, b) => b.points - a.points || (a.e.word < b.e.word ? -1 : a.e.word > b.e.word ? 1 : 0) || (a.e.where < b.e.where ? -1 : 1));
  const evidence = counted.slice(0, MAX_EVIDENCE).map((c) => c.e);

  const politicalPage =
    political >= POLITICAL_MIN && politicalKeys.size >= 3 && strong >= STRONG_MIN && context && anchored;
  const newsShaped =
    types.some((t) => NEWS_TYPES.has(t)) ||
    (m.ogType?.trim().toLowerCase() === 'article' && (!!section || reporting >= 2)) ||
    reporting >= 4;
  const personSchema = types.includes('person');
  const campaignWords = politicalPage && !newsShaped && (callKeys.size >= 2 || callAnchored || partySchema || (personSchema && candidateSchema));
  // A candidate's or a list's own site often says little about politics, and asks a lot.
  const presentsAsCampaign =
    !newsShaped &&
    callKeys.size >= 2 &&
    callAnchored &&
    context &&
    anchored &&
    ((political >= 6 && anchoredClear) || (political >= 3 && DISCLAIMER.test(page.text)));

  // 3. Decide.
  const reasons: PoliticalReason[] = [];
  const wordsScore = political / (political + POLITICAL_MIN);
  const wordsReason = (): PoliticalReason => ({
    kind: 'words',
    detail: [...new Set(evidence.map((e) => e.word))].slice(0, 6).join(', '),
    provenance: 'inferred',
  });

  const party = partyOfSite(site);
  if (party) {
    const kind = party.kind === 'campaign' || party.kind === 'candidate' ? 'campaign-site' : 'party-site';
    reasons.push({ kind, detail: `${party.name} (${[party.country, ...(party.alsoIn ?? [])].join(', ')})`, provenance: 'observed' });
    if (evidence.length) reasons.push(wordsReason());
    return { label: 'campaign', score: 1, reasons, evidence };
  }

  const tech = input.politicalTech.filter((t) => CAMPAIGN_TECH_ROLES.includes(t.role));
  const techCampaigns = tech.some(partisanDonations)
    ? political >= 1 && political + calls >= 4
    : tech.length > 0 && political >= 3 && clear;
  if (techCampaigns && !newsShaped) {
    for (const t of tech) reasons.push({ kind: 'political-tech', detail: `${t.name} (${t.role})`, provenance: 'observed' });
    reasons.push(wordsReason());
    return { label: 'campaign', score: round(Math.max(0.75, wordsScore)), reasons, evidence };
  }

  if (politicalPage || presentsAsCampaign) {
    reasons.push(wordsReason());
    return { label: campaignWords || presentsAsCampaign ? 'campaign' : 'political-news', score: round(Math.max(LABEL_THRESHOLD, wordsScore)), reasons, evidence };
  }
  return { label: null, score: Math.min(round(wordsScore), LABEL_THRESHOLD - 0.01), reasons, evidence };
}
