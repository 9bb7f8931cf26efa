import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PAGE_TEXT_LIMITS,
  classifyPoliticalPage,
  findTerms,
  parsePageText,
  type PageText,
  type PoliticalLabel,
  type PoliticalTech,
} from '@/utils/engine/political';

const DIR = join(__dirname, '../fixtures/political-pages');

interface Fixture {
  name: string;
  lang: 'en' | 'de' | 'fr' | 'nl';
  page: PageText;
  site: string;
  politicalTech: PoliticalTech[];
  expected: PoliticalLabel | null;
}

const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const raw = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>;
    const page = parsePageText(raw);
    if (!page) throw new Error(`${f} is not PageText`);
    return {
      name: f.replace(/\.json$/, ''),
      lang: f.slice(0, 2) as Fixture['lang'],
      page,
      site: raw.site as string,
      politicalTech: raw.politicalTech as PoliticalTech[],
      expected: raw.expected as PoliticalLabel | null,
    };
  });

/** Recall the suite must reach on each label and overall; precision on non-political pages is 1.0. */
const MIN_RECALL = 0.85;

const page = (p: Partial<PageText>): PageText => ({
  url: 'https://example.org/',
  title: '',
  headings: [],
  meta: {},
  schemaTypes: [],
  text: '',
  ...p,
});

describe('political page fixtures', () => {
  const results = fixtures.map((f) => ({
    f,
    v: classifyPoliticalPage({ page: f.page, site: f.site, politicalTech: f.politicalTech }),
  }));

  it('has at least 80 fixtures, with 4+ campaign, 4+ news and 9+ other pages (near misses) per language', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
    for (const lang of ['en', 'de', 'fr', 'nl'] as const) {
      const of = (e: PoliticalLabel | null) => fixtures.filter((f) => f.lang === lang && f.expected === e).length;
      expect(of('campaign'), lang).toBeGreaterThanOrEqual(4);
      expect(of('political-news'), lang).toBeGreaterThanOrEqual(4);
      expect(of(null), lang).toBeGreaterThanOrEqual(9);
    }
  });

  it('prints precision and recall, and meets the targets', () => {
    const rows: string[] = [];
    const rate = (n: number, d: number) => (d === 0 ? 1 : n / d);
    const stats = (label: PoliticalLabel | 'any', subset = results) => {
      const is = (l: PoliticalLabel | null) => (label === 'any' ? l !== null : l === label);
      const tp = subset.filter((r) => is(r.v.label) && is(r.f.expected)).length;
      const predicted = subset.filter((r) => is(r.v.label)).length;
      const actual = subset.filter((r) => is(r.f.expected)).length;
      return { precision: rate(tp, predicted), recall: rate(tp, actual), tp, predicted, actual };
    };
    const fmt = (s: ReturnType<typeof stats>) =>
      `precision ${s.precision.toFixed(2)} (${s.tp}/${s.predicted})  recall ${s.recall.toFixed(2)} (${s.tp}/${s.actual})`;
    for (const label of ['campaign', 'political-news', 'any'] as const) {
      rows.push(`${label.padEnd(15)} ${fmt(stats(label))}`);
    }
    for (const lang of ['en', 'de', 'fr', 'nl'] as const) {
      rows.push(`${`any (${lang})`.padEnd(15)} ${fmt(stats('any', results.filter((r) => r.f.lang === lang)))}`);
    }
    const misses = results.filter((r) => r.v.label !== r.f.expected);
    for (const m of misses) rows.push(`  miss: ${m.f.name} expected ${m.f.expected} got ${m.v.label} (score ${m.v.score})`);
    console.log(`political classifier over ${results.length} fixtures\n${rows.join('\n')}`);

    // Precision before recall: no non-political page gets a label, no news page is a campaign.
    const nonPolitical = results.filter((r) => r.f.expected === null);
    expect(nonPolitical.filter((r) => r.v.label !== null).map((r) => r.f.name)).toEqual([]);
    expect(results.filter((r) => r.f.expected === 'political-news' && r.v.label === 'campaign').map((r) => r.f.name)).toEqual([]);
    expect(stats('campaign').precision).toBe(1);
    expect(stats('any').precision).toBe(1);
    for (const label of ['campaign', 'political-news', 'any'] as const) {
      expect(stats(label).recall, label).toBeGreaterThanOrEqual(MIN_RECALL);
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: score and evidence agree with the label', (_, f) => {
    const v = classifyPoliticalPage({ page: f.page, site: f.site, politicalTech: f.politicalTech });
    expect(v.score).toBeGreaterThanOrEqual(0);
    expect(v.score).toBeLessThanOrEqual(1);
    expect(v.score >= 0.5).toBe(v.label !== null);
    if (v.label) {
      expect(v.reasons.length).toBeGreaterThan(0);
      expect(v.evidence.length + v.reasons.filter((r) => r.kind === 'party-site').length).toBeGreaterThan(0);
    }
    // Deterministic: the same input gives the same verdict.
    expect(classifyPoliticalPage({ page: f.page, site: f.site, politicalTech: f.politicalTech })).toEqual(v);
  });
});

describe('classifyPoliticalPage', () => {
  it('labels a party campaign page with NationBuilder and a Meta pixel a campaign, with its evidence', () => {
    const v = classifyPoliticalPage({
      page: page({
        url: 'https://www.moreau2026.org/donate',
        title: 'Donate — Moreau 2026',
        headings: ['Chip in for Alex Moreau'],
        text: 'Alex Moreau is running for city council in Ward 3. Every donation powers our grassroots campaign.',
      }),
      site: 'moreau2026.org',
      // The Meta pixel is ordinary ad tech: it is passed along but decides nothing.
      politicalTech: [
        { id: 'nationbuilder', name: 'NationBuilder', role: 'campaign-crm' },
        { id: 'facebook', name: 'Meta', role: 'advertising' },
      ],
    });
    expect(v.label).toBe('campaign');
    expect(v.reasons.filter((r) => r.kind === 'political-tech')).toHaveLength(1);
    expect(v.reasons[0]).toEqual({ kind: 'political-tech', detail: 'NationBuilder (campaign-crm)', provenance: 'observed' });
    expect(v.reasons.some((r) => r.kind === 'words' && r.provenance === 'inferred')).toBe(true);
    expect(v.evidence.map((e) => e.word)).toEqual(expect.arrayContaining(['Donate', 'Chip in', 'campaign']));
    expect(v.evidence.find((e) => e.word === 'Donate')).toMatchObject({ where: 'title', lang: 'en', count: 1 });
  });

  it("labels any page of a party's official site a campaign", () => {
    const v = classifyPoliticalPage({ page: page({ title: 'Impressum' }), site: 'spd.de', politicalTech: [] });
    expect(v).toMatchObject({ label: 'campaign', score: 1 });
    expect(v.reasons).toEqual([{ kind: 'party-site', detail: 'SPD (DE)', provenance: 'observed' }]);
    const run = classifyPoliticalPage({ page: page({ title: 'Shop' }), site: 'kamalaharris.com', politicalTech: [] });
    expect(run).toMatchObject({ label: 'campaign', score: 1 });
    expect(run.reasons[0]).toMatchObject({ kind: 'campaign-site', provenance: 'observed' });
    // A party that stands in two countries is named with both.
    const sf = classifyPoliticalPage({ page: page({ title: 'News' }), site: 'sinnfein.ie', politicalTech: [] });
    expect(sf.reasons[0]).toEqual({ kind: 'party-site', detail: 'Sinn Féin (IE, GB)', provenance: 'observed' });
  });

  it('does not call a page a campaign for its technology alone', () => {
    const tech = [{ id: 'nationbuilder', name: 'NationBuilder', role: 'campaign-crm' }];
    const v = classifyPoliticalPage({
      page: page({ title: 'Save the hedgehogs', text: 'Donate today to build hedgehog houses in every park.' }),
      site: 'hedgehog-friends.org',
      politicalTech: tech,
    });
    expect(v.label).toBeNull();
    // Voter data and ad tech are not a page's own campaigning.
    const adTech = classifyPoliticalPage({
      page: page({ title: 'Donate to our campaign', text: 'Donate.' }),
      site: 'x.org',
      politicalTech: [{ id: 'resonate', name: 'Resonate', role: 'political-ad-tech' }],
    });
    expect(adTech.label).toBeNull();
  });

  it('takes a partisan donation platform as strong evidence, a campaign CRM only with clear political words', () => {
    const donate = page({ title: 'Donate', headings: ['Chip in'], text: 'Every donation powers our grassroots campaign.' });
    const actblue = { id: 'actblue', name: 'ActBlue', role: 'donations', alignment: 'left' } as const;
    const nationbuilder = { id: 'nationbuilder', name: 'NationBuilder', role: 'campaign-crm', alignment: 'nonpartisan' } as const;
    expect(classifyPoliticalPage({ page: donate, site: 'a.example', politicalTech: [actblue] }).label).toBe('campaign');
    expect(classifyPoliticalPage({ page: donate, site: 'a.example', politicalTech: [nationbuilder] }).label).toBeNull();
    // A shelter on NationBuilder whose members vote at the annual meeting is not a campaign.
    const shelter = page({ title: 'Paws Rescue', headings: ['Donate', 'Volunteer'], text: 'Members get a vote at the annual meeting. Donate today.' });
    expect(classifyPoliticalPage({ page: shelter, site: 'b.example', politicalTech: [nationbuilder] }).label).toBeNull();
    const withOffice = page({ ...shelter, text: 'Sam is running for the state senate in the November election. Donate today.' });
    expect(classifyPoliticalPage({ page: withOffice, site: 'b.example', politicalTech: [nationbuilder] }).label).toBe('campaign');
  });

  it('reads what the JSON-LD says: a Person described as a candidate is a campaign page', () => {
    const bio = page({
      title: 'Priya Raman',
      headings: ['On the issues'],
      schemaTypes: ['Person'],
      schemaText: ['Democratic candidate for Wisconsin State Senate', 'Priya Raman is running for the State Senate in the 2026 election.'],
      text: 'Clean water and strong public schools.',
    });
    const v = classifyPoliticalPage({ page: bio, site: 'priyaraman.org', politicalTech: [] });
    expect(v.label).toBe('campaign');
    expect(v.evidence.filter((e) => e.where === 'schema').map((e) => e.word)).toEqual(expect.arrayContaining(['State Senate', 'candidate', 'election']));
    // The same words, without the JSON-LD, are too few.
    expect(classifyPoliticalPage({ page: { ...bio, schemaText: [] }, site: 'priyaraman.org', politicalTech: [] }).label).toBeNull();
  });

  it('keeps a news article about an election as political news even when the site asks for donations', () => {
    const v = classifyPoliticalPage({
      page: page({
        title: 'Election results: Greens gain in the city council election',
        headings: ['Support our journalism', 'Donate'],
        meta: { ogType: 'article', articleSection: 'Politics' },
        schemaTypes: ['https://schema.org/NewsArticle'],
        text: 'The Green Party won four seats in the council election, officials said. Turnout was 48 per cent. Volunteer-run newsroom: donate to keep us independent.',
      }),
      site: 'city-news.example',
      politicalTech: [{ id: 'actblue', name: 'ActBlue', role: 'donations' }],
    });
    expect(v.label).toBe('political-news');
  });

  it('counts ambiguous party names only with political support', () => {
    const weak = classifyPoliticalPage({
      page: page({ title: 'PS: Renaissance art and Labour Day', headings: ['Groen', 'SP'], text: 'PS, MR, SP, Greens, Groen, Renaissance, Labour, Vooruit.' }),
      site: 'a.example',
      politicalTech: [],
    });
    expect(weak.label).toBeNull();
    expect(weak.evidence).toEqual([]);
  });

  it('matches case-sensitive names, phrases, compounds and elisions, and keeps the page spelling', () => {
    const words = (s: string) => findTerms(s).map((h) => h.surface);
    expect(words('Die Bundestagswahl: CDU-Politiker und Bündnis 90/Die Grünen')).toEqual(['Bundestagswahl', 'CDU-Politiker', 'Bündnis 90/Die Grünen']);
    expect(words('die grünen Bohnen, die linke Hand, grüne Äpfel')).toEqual([]);
    expect(words("l’élection présidentielle, N-VA, CD&V, GroenLinks-PvdA")).toEqual(["l’élection", 'présidentielle', 'N-VA', 'CD&V', 'GroenLinks-PvdA']);
    expect(words('gemeenteraadsverkiezingen')).toEqual(['gemeenteraadsverkiezingen']);
    expect(findTerms('gemeenteraadsverkiezingen')[0]!.term.kind).toBe('election');
    expect(words('Auswahl, Zahlwahl, vlaams belang')).toEqual([]);
    expect(words('ELECTION NIGHT')).toEqual(['ELECTION']);
  });

  it('knows the election, campaign-call and party words of all four languages', () => {
    const kinds = (s: string) => findTerms(s).map((h) => h.term.kind);
    for (const w of ['election', 'ballot', 'constituency', 'Bundestagswahl', 'Wahlkampf', 'Kandidat', 'élection', 'scrutin', 'candidat', 'verkiezingen', 'lijsttrekker']) {
      expect(kinds(w), w).toEqual(['election']);
    }
    for (const w of ['donate', 'volunteer', 'join us', 'spenden', 'mitmachen', 'faire un don', 'adhérer', 'doneer', 'word lid']) {
      expect(kinds(w), w).toEqual(['call']);
    }
    for (const w of ['CDU', 'BSW', 'Rassemblement national', 'LFI', 'N-VA', 'Vlaams Belang', 'Les Engagés', 'VVD', 'PVV', 'D66', 'Reform UK', 'Plaid Cymru', 'GOP', 'Renew Europe', 'S&D', 'Patriots for Europe']) {
      expect(kinds(w), w).toEqual(['party']);
    }
    // Lower-case look-alikes of short party names are ordinary words.
    for (const w of ['ps', 'sp', 'mr', 'cdu', 'gop', 'vooruit', 'groen', 'the left', 'labour']) expect(kinds(w), w).toEqual([]);
  });

  it('stays fast and bounded on the biggest page the schema lets through', () => {
    const big = parsePageText({
      url: 'https://example.org/' + 'a'.repeat(10_000),
      title: 'Election '.repeat(100),
      headings: Array.from({ length: 500 }, () => 'Vote for the Bundestagswahl candidate '.repeat(20)),
      meta: { description: 'x'.repeat(5000) },
      schemaTypes: Array.from({ length: 100 }, () => 'NewsArticle'),
      text: 'election ballot SPD CDU constituency said '.repeat(5000),
    })!;
    expect(big.text.length).toBe(PAGE_TEXT_LIMITS.text);
    expect(big.headings.length).toBe(PAGE_TEXT_LIMITS.headings);
    const t0 = performance.now();
    const v = classifyPoliticalPage({ page: big, site: 'example.org', politicalTech: [] });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(v.label).toBe('political-news');
    expect(v.evidence.length).toBeLessThanOrEqual(24);
  });
});

describe('page text schema', () => {
  it('truncates long fields, shortens lists and drops control characters', () => {
    const p = parsePageText({
      url: 'https://example.org/',
      title: 'T'.repeat(1000) + '\u0000',
      headings: ['a\u202eb', ...Array.from({ length: 100 }, () => 'h'.repeat(500))],
      meta: { ogType: 'article'.repeat(20), articleSection: 'Politik' },
      schemaTypes: ['NewsArticle'],
      text: 'x'.repeat(30_000),
    })!;
    expect(p.title.length).toBe(PAGE_TEXT_LIMITS.title);
    expect(p.headings.length).toBe(PAGE_TEXT_LIMITS.headings);
    expect(p.headings[0]).toBe('ab');
    expect(p.headings[1]!.length).toBe(PAGE_TEXT_LIMITS.heading);
    expect(p.meta.ogType!.length).toBe(PAGE_TEXT_LIMITS.ogType);
    expect(p.text.length).toBe(PAGE_TEXT_LIMITS.text);
  });

  it('rejects wrong shapes', () => {
    const ok = { url: 'https://example.org/', title: '', headings: [], meta: {}, schemaTypes: [], text: '' };
    expect(parsePageText(ok)).toBeDefined();
    for (const bad of [null, 'page', { ...ok, title: 5 }, { ...ok, headings: [{}] }, { ...ok, meta: null }, { ...ok, text: undefined }]) {
      expect(parsePageText(bad)).toBeUndefined();
    }
  });
});
