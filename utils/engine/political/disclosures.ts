import { z } from 'zod';
import { clip } from './page-text';

/**
 * Political-ad disclosures read from a frame's visible text and links: US FEC disclaimers
 * and state labels, EU TTPA labels and transparency notices, sponsor lines, links that
 * explain ad choices, and native-ad markers, in English, German, French and Dutch
 * (wording from shared/research/political-ads-law.md §1.4, §2.7 and §6). Everything
 * returned is plain, trimmed, bounded text: the frame is untrusted, and anything
 * resembling markup is removed, never interpreted.
 *
 * - `political-ad-label`: the EU (TTPA Art. 11(1)(a)) statement that this is a political
 *   advertisement, in the wording of EU law and regulators;
 * - `us-political-label`: a US label ("Paid political advertisement", Texas's "pol ad");
 * - `transparency-notice`: a TTPA transparency notice, or a link to one;
 * - `ad-choices`: "Why am I seeing this ad?", "About this ad", AdChoices: an ad network's
 *   explanation of ad choices, which is not a TTPA transparency notice.
 */

export type DisclosureKind =
  | 'paid-for'
  | 'authorized-by'
  | 'not-authorized'
  | 'political-ad-label'
  | 'us-political-label'
  | 'transparency-notice'
  | 'ad-choices'
  | 'sponsored';
export type DisclosureLang = 'en' | 'de' | 'fr' | 'nl';

export interface Disclosure {
  kind: DisclosureKind;
  language: DisclosureLang;
  /** Who sponsored or paid, as the ad says it; plain text, at most 120 characters. */
  sponsor?: string;
  /** The transparency notice, only when it is an http(s) URL. */
  noticeUrl?: string;
  /** The words that were read, plain text, at most 160 characters. */
  evidence: string;
}

export const DISCLOSURE_LIMITS = {
  text: 50_000,
  links: 200,
  href: 2048,
  linkText: 300,
  sponsor: 120,
  evidence: 160,
  results: 20,
} as const;

// ---------------------------------------------------------------------------------------
// Plain-text helpers

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Removes anything that looks like markup and control characters, collapses spaces. */
function plain(s: string): string {
  return s
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts plain text to `max` characters, at a word boundary when there is one in reach. */
function cutWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = clip(s, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trim();
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

/** A sponsor's name as plain text, or undefined if nothing name-like is left. */
export function cleanSponsor(s: string): string | undefined {
  let t = plain(s)
    .replace(/^["'“”„«»‚‘’\s]+|["'“”„«»‚‘’\s]+$/g, '')
    .replace(/[\s,:;.\-–—]+$/, '');
  t = cutWords(t, DISCLOSURE_LIMITS.sponsor).replace(/[\s,:;\-–—]+$/, '');
  return t.length >= 2 && /\p{L}/u.test(t) ? t : undefined;
}

// ---------------------------------------------------------------------------------------
// What we look for

interface Trigger {
  re: RegExp;
  kind: DisclosureKind;
  language: DisclosureLang;
  /**
   * `strong` phrases count anywhere. The others are everyday phrases ("financé par",
   * "namens", "im Auftrag von") and count only at the start of a line of the ad, or when
   * the same text carries a political-ad label or a "Paid for by".
   */
  strong?: boolean;
  /** Phrases so common in ordinary prose, even at a line start, that they count only next to a label. */
  needsLabel?: boolean;
}

// Every pattern is matched on the original text, case-insensitively; accented letters
// are written as classes so both spellings match.
const TRIGGERS: Trigger[] = [
  { re: /\bpaid for by\b/i, kind: 'paid-for', language: 'en', strong: true },
  { re: /\bauthori[sz]ed by\b/i, kind: 'authorized-by', language: 'en' },
  { re: /\bsponsored by\b/i, kind: 'sponsored', language: 'en' },
  { re: /\bbezahlt von\b/i, kind: 'paid-for', language: 'de' },
  { re: /\bfinanziert von\b/i, kind: 'paid-for', language: 'de' },
  { re: /\bgesponsert von\b/i, kind: 'sponsored', language: 'de' },
  { re: /\bim auftrag von\b/i, kind: 'sponsored', language: 'de', needsLabel: true },
  { re: /\bauftraggeber(?:in)?\s*:/i, kind: 'sponsored', language: 'de' },
  { re: /\bfinanc[ée]e? par\b/i, kind: 'paid-for', language: 'fr' },
  { re: /\bpay[ée]e? par\b/i, kind: 'paid-for', language: 'fr' },
  { re: /\bsponsoris[ée]e? par\b/i, kind: 'sponsored', language: 'fr' },
  { re: /\bpour le compte de\b/i, kind: 'sponsored', language: 'fr', needsLabel: true },
  { re: /\b(?:parraineur|commanditaire)\s*:/i, kind: 'sponsored', language: 'fr' },
  { re: /\bbetaald door\b/i, kind: 'paid-for', language: 'nl' },
  { re: /\bgesponsord door\b/i, kind: 'sponsored', language: 'nl' },
  { re: /\bnamens\b/i, kind: 'sponsored', language: 'nl', needsLabel: true },
  { re: /\bopdrachtgever\s*:/i, kind: 'sponsored', language: 'nl' },
];

const NOT_AUTHORIZED = /\bnot authori[sz]ed by any candidate(?:\s+or\s+(?:any\s+)?candidate['’]s committee)?/i;

type LabelKind = 'political-ad-label' | 'us-political-label';

/** Label statements, folded, longest first: TTPA Art. 11(1)(a) wording in four languages, and US labels. */
const LABELS: Array<[string, DisclosureLang, LabelKind?]> = [
  ['annonce publicitaire a caractere politique', 'fr'],
  ['publicite a caractere politique', 'fr'],
  ['paid political advertisement', 'en', 'us-political-label'],
  ['political advertisement', 'en'],
  // Texas: "political advertising" or a recognisable abbreviation (1 TAC §26.1).
  ['political advertising', 'en', 'us-political-label'],
  ['political ad', 'en', 'us-political-label'],
  ['pol. adv.', 'en', 'us-political-label'],
  ['pol ad', 'en', 'us-political-label'],
  ['politische werbeanzeige', 'de'],
  ['politische anzeige', 'de'],
  ['politische werbung', 'de'],
  ['wahlwerbung', 'de'],
  ['publicite politique', 'fr'],
  ['annonce politique', 'fr'],
  ['politieke reclameboodschap', 'nl'],
  ['politieke advertentie', 'nl'],
  ['politieke reclame', 'nl'],
];

/** Native-ad markers: a line that says only this. */
const SPONSORED: Record<string, DisclosureLang> = {
  sponsored: 'en',
  'sponsored content': 'en',
  gesponsert: 'de',
  sponsorise: 'fr',
  sponsorisee: 'fr',
  commandite: 'fr',
  gesponsord: 'nl',
};

/** Link texts (and line starts) that lead to a TTPA transparency notice (Art. 11(1)(e), Art. 12). */
const NOTICES: Array<[string, DisclosureLang, 'transparency-notice' | 'ad-choices']> = [
  ['transparency notice', 'en', 'transparency-notice'],
  ['transparenzbekanntmachung', 'de', 'transparency-notice'],
  ['transparenzhinweis', 'de', 'transparency-notice'],
  ['avis de transparence', 'fr', 'transparency-notice'],
  ['transparantieverklaring', 'nl', 'transparency-notice'],
  // An ad network's "why this ad" page: ad choices, not a TTPA notice.
  ['why am i seeing this', 'en', 'ad-choices'],
  ['why this ad', 'en', 'ad-choices'],
  ['about this ad', 'en', 'ad-choices'],
  ['adchoices', 'en', 'ad-choices'],
  ['ad choices', 'en', 'ad-choices'],
  ['warum sehe ich diese', 'de', 'ad-choices'],
  ['uber diese anzeige', 'de', 'ad-choices'],
  ['uber diese werbung', 'de', 'ad-choices'],
  ['pourquoi je vois', 'fr', 'ad-choices'],
  ['pourquoi cette publicite', 'fr', 'ad-choices'],
  ['pourquoi cette annonce', 'fr', 'ad-choices'],
  ['a propos de cette annonce', 'fr', 'ad-choices'],
  ['waarom zie ik', 'nl', 'ad-choices'],
  ['over deze advertentie', 'nl', 'ad-choices'],
];

// ---------------------------------------------------------------------------------------
// Reading

/** Lines of an ad: innerText lines, and the `|`, `·` and `•` separators ads put between items. */
function segments(text: string): string[] {
  return text
    .split(/[\n\r\u2028\u2029|·•]+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

/** The label at the start of a line, if the line is a label (alone, or followed by `:`, a dash or a sponsor line). */
function labelOf(seg: string): { language: DisclosureLang; kind: LabelKind } | undefined {
  const f = fold(seg);
  for (const [label, language, kind = 'political-ad-label'] of LABELS) {
    if (!f.startsWith(label)) continue;
    const rest = f.slice(label.length).trim();
    if (rest.length <= 3 || /^[:.\-–—(,]/.test(rest) || TRIGGERS.some((t) => t.re.exec(rest)?.index === 0)) {
      return { language, kind };
    }
  }
  return undefined;
}

/** A dot after these does not end the sentence (U.S., Jr., St.). */
const ABBREVIATION = /(?:^|[\s.])(?:[A-Za-z]|Jr|Sr|St|Dr|Nr|Bros)$/;

/** The sponsor named after a trigger: up to the end of the sentence, a clause, a URL or another trigger. */
function sponsorAfter(rest: string, linkTexts: readonly string[] = []): string | undefined {
  let s = plain(clip(rest, 400)).replace(/^[\s:\-–—]+/, '');
  // A link that follows on the same line ("… Citizens for X. Transparency notice") is not part of the name.
  for (const l of linkTexts) {
    const i = l.length >= 4 ? s.indexOf(l) : -1;
    if (i > 0) s = s.slice(0, i).replace(/\.\s*$/, '');
  }
  const stops = [
    /\s+and\s+(?:not\s+)?authori[sz]ed\b/i,
    /\s+(?:und|et|en)\s+(?:nicht\s+|non\s+|niet\s+)?(?:autoris|genehmigt|goedgekeurd)/i,
    /\s*[([{]/,
    /\s+[–—-]\s+/,
    /\b(?:https?:\/\/|www\.)/i,
    /,(?!\s*(?:Inc|LLC|Ltd|PAC|Corp)\b)/,
  ];
  for (const t of TRIGGERS) stops.push(t.re);
  stops.push(NOT_AUTHORIZED);
  for (const re of stops) {
    const m = re.exec(s);
    if (m && m.index >= 0) s = s.slice(0, m.index);
  }
  for (const m of s.matchAll(/[.!?;](?=\s|$)/g)) {
    const head = s.slice(0, m.index);
    // `e.V.` (a German registered association) ends a name; `U.S.` or `Jr.` does not.
    if (m[0] === '.' && ABBREVIATION.test(head) && !/\be\.V$/.test(head)) continue;
    s = s.slice(0, m.index);
    break;
  }
  return cleanSponsor(s);
}

function httpUrl(href: string): string | undefined {
  if (href.length > DISCLOSURE_LIMITS.href) return undefined;
  try {
    const u = new URL(href.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (u.username || u.password) return undefined;
    return u.href.length <= DISCLOSURE_LIMITS.href ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function evidenceOf(s: string): string {
  return cutWords(plain(s), DISCLOSURE_LIMITS.evidence);
}

/** Reads the political-ad disclosures in one frame's visible text and links. */
export function readDisclosures(input: { text: string; links: ReadonlyArray<{ href: string; text: string }> }): Disclosure[] {
  const text = typeof input?.text === 'string' ? clip(input.text, DISCLOSURE_LIMITS.text) : '';
  const links = Array.isArray(input?.links) ? input.links.slice(0, DISCLOSURE_LIMITS.links) : [];
  const out: Disclosure[] = [];
  const seen = new Set<string>();
  const add = (d: Disclosure) => {
    const key = `${d.kind}|${d.language}|${d.sponsor ?? ''}|${d.noticeUrl ?? ''}`;
    if (seen.has(key) || out.length >= DISCLOSURE_LIMITS.results) return;
    seen.add(key);
    out.push(d);
  };

  const segs = segments(text);
  const linkTexts = links.slice(0, 50).map((l) => (typeof l?.text === 'string' ? plain(clip(l.text, 200)).trim() : '')).filter(Boolean);
  const labelled = segs.some((s) => labelOf(s) !== undefined);
  const paidFor = /\bpaid for by\b/i.test(text);

  for (const seg of segs) {
    const label = labelOf(seg);
    if (label) add({ kind: label.kind, language: label.language, evidence: evidenceOf(seg) });

    const marker = SPONSORED[fold(seg).replace(/[\s:.\-–—]+$/, '')];
    if (marker) add({ kind: 'sponsored', language: marker, evidence: evidenceOf(seg) });

    const na = NOT_AUTHORIZED.exec(seg);
    if (na) add({ kind: 'not-authorized', language: 'en', evidence: evidenceOf(na[0]) });

    for (const t of TRIGGERS) {
      const re = new RegExp(t.re.source, 'gi');
      for (const m of seg.matchAll(re)) {
        if (t.kind === 'authorized-by' && /^\s*any\s+candidate/i.test(seg.slice(m.index + m[0].length))) continue;
        const before = fold(seg.slice(0, m.index)).replace(/[\s:\-–—.]+$/, '');
        const atStart = before === '' || LABELS.some(([l]) => before === l) || /\band$/.test(before);
        const ok = t.needsLabel ? labelled : t.strong || atStart || labelled || paidFor;
        if (!ok) continue;
        const sponsor = sponsorAfter(seg.slice(m.index + m[0].length), linkTexts);
        if (!sponsor && t.kind !== 'sponsored') continue;
        if (!sponsor && !atStart) continue;
        add({
          kind: t.kind,
          language: t.language,
          sponsor,
          evidence: evidenceOf(seg.slice(m.index, m.index + m[0].length + 130)),
        });
      }
    }

    // A notice named on its own line, with its address written out.
    const f = fold(seg);
    const notice = NOTICES.find(([n]) => f.startsWith(n));
    if (notice) {
      const url = /https?:\/\/[^\s<>"']+/i.exec(seg);
      add({
        kind: notice[2],
        language: notice[1],
        noticeUrl: url ? httpUrl(url[0].replace(/[.,;:)]+$/, '')) : undefined,
        evidence: evidenceOf(seg),
      });
    }
  }

  for (const link of links) {
    if (!link || typeof link.text !== 'string' || typeof link.href !== 'string') continue;
    const f = fold(plain(clip(link.text, DISCLOSURE_LIMITS.linkText)));
    const notice = NOTICES.find(([n]) => f.includes(n));
    if (!notice) continue;
    const noticeUrl = httpUrl(link.href);
    add({
      kind: notice[2],
      language: notice[1],
      ...(noticeUrl ? { noticeUrl } : {}),
      evidence: evidenceOf(clip(link.text, DISCLOSURE_LIMITS.linkText)),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// DSA transparency from ad auctions (OpenRTB DSA extension, Prebid `meta.dsa`)

const hostname = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/;

const dsaTransparencySchema = z.object({
  domain: z.string().max(253).transform((d) => d.trim().toLowerCase()).pipe(z.string().regex(hostname)),
  dsaparams: z.array(z.number().int().min(0).max(255)).max(16).optional(),
  /** Draft name of `dsaparams`. */
  params: z.array(z.number().int().min(0).max(255)).max(16).optional(),
});

const dsaSchema = z.object({
  behalf: z.string().optional().catch(undefined),
  paid: z.string().optional().catch(undefined),
  adrender: z.number().int().min(0).max(1).optional().catch(undefined),
  transparency: z.array(z.unknown()).optional().catch(undefined),
});

export interface DsaFields {
  /** "On behalf of": the advertiser the ad is shown for. */
  behalf?: string;
  /** "Paid by", when different. */
  paid?: string;
  /**
   * Whether the buyer shows its own DSA transparency information inside the ad: 0 no, 1 yes.
   * (`pubrender`, whether the publisher will, is a field of the bid request, not of the bid.)
   */
  adrender?: 0 | 1;
  /** Ad-tech domains that declared the user parameters they applied: 1 profiling, 2 basic advertising, 3 precise geolocation. */
  transparency: Array<{ domain: string; params: number[] }>;
}

/** Reads a bid's DSA transparency object; undefined when it says nothing usable. */
export function readDsaFields(dsa: unknown): DsaFields | undefined {
  if (!dsa || typeof dsa !== 'object' || Array.isArray(dsa)) return undefined;
  const r = dsaSchema.safeParse(dsa);
  if (!r.success) return undefined;
  const behalf = r.data.behalf !== undefined ? cleanSponsor(clip(r.data.behalf, 1000)) : undefined;
  const paid = r.data.paid !== undefined ? cleanSponsor(clip(r.data.paid, 1000)) : undefined;
  const transparency: DsaFields['transparency'] = [];
  for (const t of (r.data.transparency ?? []).slice(0, 10)) {
    const p = dsaTransparencySchema.safeParse(t);
    if (!p.success) continue;
    const params = [...new Set(p.data.dsaparams ?? p.data.params ?? [])].sort((a, b) => a - b);
    transparency.push({ domain: p.data.domain, params });
  }
  if (!behalf && !paid && transparency.length === 0) return undefined;
  return {
    ...(behalf ? { behalf } : {}),
    ...(paid ? { paid } : {}),
    ...(r.data.adrender !== undefined ? { adrender: r.data.adrender as 0 | 1 } : {}),
    transparency,
  };
}
