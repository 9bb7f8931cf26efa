import { describe, expect, it } from 'vitest';
import { DISCLOSURE_LIMITS, readDisclosures, readDsaFields, type Disclosure } from '@/utils/engine/political';

const read = (text: string, links: Array<{ href: string; text: string }> = []) => readDisclosures({ text, links });
const pick = (ds: Disclosure[]) => ds.map(({ kind, language, sponsor, noticeUrl }) => ({ kind, language, sponsor, noticeUrl }));

describe('US disclaimers', () => {
  it('reads "Paid for by" and stops the sponsor at the sentence end', () => {
    expect(pick(read('Paid for by Citizens for a Cleaner River. Learn more at our site.'))).toEqual([
      { kind: 'paid-for', language: 'en', sponsor: 'Citizens for a Cleaner River', noticeUrl: undefined },
    ]);
  });

  it('reads "Paid for by … and authorized by …" as two disclosures', () => {
    const ds = read('Paid for by Moreau for Valmont and authorized by Alex Moreau.');
    expect(pick(ds)).toEqual([
      { kind: 'paid-for', language: 'en', sponsor: 'Moreau for Valmont', noticeUrl: undefined },
      { kind: 'authorized-by', language: 'en', sponsor: 'Alex Moreau', noticeUrl: undefined },
    ]);
  });

  it('reads an independent expenditure disclaimer', () => {
    const ds = read(
      "Paid for by Safer Streets PAC (www.saferstreets.example) and not authorized by any candidate or candidate's committee.",
    );
    expect(pick(ds)).toEqual([
      { kind: 'not-authorized', language: 'en', sponsor: undefined, noticeUrl: undefined },
      { kind: 'paid-for', language: 'en', sponsor: 'Safer Streets PAC', noticeUrl: undefined },
    ]);
    expect(ds[0]!.evidence).toBe("not authorized by any candidate or candidate's committee");
  });

  it('keeps company suffixes and abbreviations in the sponsor', () => {
    expect(read('Paid for by Friends of Dana Reyes, Inc. All rights reserved.')[0]?.sponsor).toBe('Friends of Dana Reyes, Inc');
    expect(read('Paid for by Americans for a Better U.S. Economy. Top donors: …')[0]?.sponsor).toBe('Americans for a Better U.S. Economy');
    expect(read('Sponsored · Paid for by Valmont Forward, 12 Main St')).toMatchObject([
      { kind: 'sponsored', language: 'en' },
      { kind: 'paid-for', sponsor: 'Valmont Forward' },
    ]);
  });

  it('ignores "authorized by" in ordinary prose', () => {
    expect(read('The works were authorized by the council last year, the report says.')).toEqual([]);
  });
});

describe('EU TTPA labels and sponsors', () => {
  it('reads a German label with its sponsor and election', () => {
    const ds = read(
      'Politische Anzeige: Auftraggeber: Bürgerliste Talheim e.V., Hauptstraße 3. Der Auftraggeber wird kontrolliert von Jana Köhler. Die Anzeige steht im Zusammenhang mit der Kommunalwahl 2026.',
    );
    expect(pick(ds)).toEqual([
      { kind: 'political-ad-label', language: 'de', sponsor: undefined, noticeUrl: undefined },
      { kind: 'sponsored', language: 'de', sponsor: 'Bürgerliste Talheim e.V', noticeUrl: undefined },
    ]);
  });

  it('ends a sponsor after a registered association', () => {
    expect(read('Politische Anzeige. Bezahlt von Freunde der Altstadt e.V. Der Auftraggeber wird kontrolliert von Jana Köhler.')).toMatchObject([
      { kind: 'political-ad-label' },
      { kind: 'paid-for', language: 'de', sponsor: 'Freunde der Altstadt e.V' },
    ]);
  });

  it.each([
    ['Political advertisement\nSponsored by Greener Valmont', 'en', 'sponsored', 'Greener Valmont'],
    ['Politische Werbung | Bezahlt von Freunde der Altstadt', 'de', 'paid-for', 'Freunde der Altstadt'],
    ['Gesponsert von Initiative Grünes Talheim', 'de', 'sponsored', 'Initiative Grünes Talheim'],
    ['Publicité politique · Financée par Association Valmont Demain', 'fr', 'paid-for', 'Association Valmont Demain'],
    ['Annonce politique\nPour le compte de : Liste Valmont Ensemble', 'fr', 'sponsored', 'Liste Valmont Ensemble'],
    ["Annonce publicitaire à caractère politique — Payé par Comité de soutien d'Alex Moreau", 'fr', 'paid-for', "Comité de soutien d'Alex Moreau"],
    ['Politieke advertentie\nBetaald door Stichting Groen Zwolle', 'nl', 'paid-for', 'Stichting Groen Zwolle'],
    ['Politieke reclame · Namens Lijst Visser', 'nl', 'sponsored', 'Lijst Visser'],
    ['Gesponsord door Vereniging Fietsstad', 'nl', 'sponsored', 'Vereniging Fietsstad'],
  ] as const)('%s', (text, language, kind, sponsor) => {
    const ds = read(text);
    expect(ds.find((d) => d.sponsor)).toMatchObject({ kind, language, sponsor });
  });

  it('finds a label only as a label, not in an article about political ads', () => {
    for (const text of [
      'Meta stops political advertisement in the EU from October.',
      'Political advertising is regulated by Regulation (EU) 2024/900, which applies from 10 October 2025.',
      'Die Regeln für politische Werbung gelten ab Oktober.',
      'La publicité politique est encadrée.',
      'Politieke reclame wordt strenger gereguleerd, zei de minister.',
    ]) {
      expect(read(text).filter((d) => d.kind === 'political-ad-label'), text).toEqual([]);
    }
    expect(read('Political advertisement').map((d) => d.kind)).toEqual(['political-ad-label']);
    expect(read('Wahlwerbung').map((d) => d.language)).toEqual(['de']);
  });

  it('tells US labels from the EU label', () => {
    for (const text of ['Political ad', 'Paid political advertisement', 'Pol. adv. Paid for by Texans for Parks.', 'POL AD']) {
      expect(read(text).filter((d) => d.kind.endsWith('label')).map((d) => d.kind), text).toEqual(['us-political-label']);
    }
    for (const text of ['Political advertisement', 'Politische Anzeige', 'Annonce publicitaire à caractère politique', 'Politieke advertentie']) {
      expect(read(text).map((d) => d.kind), text).toEqual(['political-ad-label']);
    }
  });

  it('does not take everyday prose for a sponsor line', () => {
    for (const text of [
      'Namens de redactie wensen wij u fijne feestdagen.',
      'Im Auftrag von Kunden entwickeln wir Software.',
      'Le projet est financé par la région et payé par les usagers.',
      'The podcast is sponsored by listeners like you.',
    ]) {
      expect(read(text), text).toEqual([]);
    }
  });

  it('reads native-ad markers in four languages, only when they stand alone', () => {
    expect(read('Sponsored\nBuy our shoes').map((d) => [d.kind, d.language])).toEqual([['sponsored', 'en']]);
    expect(read('Gesponsert').map((d) => d.language)).toEqual(['de']);
    expect(read('Sponsorisé').map((d) => d.language)).toEqual(['fr']);
    expect(read('Gesponsord').map((d) => d.language)).toEqual(['nl']);
    expect(read('Sponsored content')[0]?.kind).toBe('sponsored');
    expect(read('Our sponsored athletes won three medals.')).toEqual([]);
  });
});

describe('transparency notices and ad-choices links', () => {
  it.each([
    ['Transparency notice', 'en', 'transparency-notice'],
    ['Transparenzbekanntmachung', 'de', 'transparency-notice'],
    ['Avis de transparence', 'fr', 'transparency-notice'],
    ['Transparantieverklaring', 'nl', 'transparency-notice'],
    // An ad network's explanation of ad choices is not a TTPA transparency notice.
    ['Why am I seeing this ad?', 'en', 'ad-choices'],
    ['About this ad', 'en', 'ad-choices'],
    ['AdChoices', 'en', 'ad-choices'],
    ['Warum sehe ich diese Anzeige?', 'de', 'ad-choices'],
    ['Pourquoi je vois cette publicité ?', 'fr', 'ad-choices'],
    ['Waarom zie ik deze advertentie?', 'nl', 'ad-choices'],
  ] as const)('link "%s"', (text, language, kind) => {
    const ds = read('', [{ href: 'https://ads.example/notice?id=42', text }]);
    expect(pick(ds)).toEqual([{ kind, language, sponsor: undefined, noticeUrl: 'https://ads.example/notice?id=42' }]);
  });

  it('keeps only http(s) notice links', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'https://user:pw@ads.example/', 'not a url', 'https://x.example/' + 'a'.repeat(3000)]) {
      const ds = read('', [{ href, text: 'Transparency notice' }]);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.noticeUrl, href).toBeUndefined();
    }
    expect(read('', [{ href: 'https://ads.example/n', text: 'Read more' }])).toEqual([]);
  });

  it('reads a notice written out in the text', () => {
    expect(read('Transparenzbekanntmachung: https://www.talheim-example.de/ttpw.html.')[0]).toMatchObject({
      kind: 'transparency-notice',
      language: 'de',
      noticeUrl: 'https://www.talheim-example.de/ttpw.html',
    });
  });
});

describe('hostile input', () => {
  it('returns plain text only, never markup', () => {
    const ds = read('Paid for by <img src=x onerror=alert(1)><b>Evil PAC</b>.', [
      { href: 'https://a.example/', text: '<script>alert(1)</script>Transparency notice' },
    ]);
    expect(ds[0]!.sponsor).toBe('Evil PAC');
    for (const d of ds) {
      for (const v of [d.sponsor, d.evidence, d.noticeUrl]) expect(v ?? '').not.toMatch(/[<>]/);
    }
  });

  it('bounds the sponsor, the evidence, the text read and the number of results', () => {
    const long = read('Paid for by ' + 'Very Long Committee Name '.repeat(50));
    expect(long[0]!.sponsor!.length).toBeLessThanOrEqual(DISCLOSURE_LIMITS.sponsor);
    expect(long[0]!.evidence.length).toBeLessThanOrEqual(DISCLOSURE_LIMITS.evidence);

    const many = Array.from({ length: 500 }, (_, i) => `Paid for by Committee ${i}.`).join('\n');
    expect(read(many)).toHaveLength(DISCLOSURE_LIMITS.results);

    const huge = 'x'.repeat(5_000_000) + '\nPaid for by Hidden PAC.';
    const t0 = performance.now();
    expect(read(huge)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1000);

    const links = Array.from({ length: 10_000 }, () => ({ href: 'https://a.example/', text: 'Transparency notice' }));
    expect(read('', links)).toHaveLength(1);
  });

  it('survives wrong shapes', () => {
    const bad = readDisclosures as (x: unknown) => Disclosure[];
    expect(bad({ text: 5, links: 'x' })).toEqual([]);
    expect(bad({ text: 'Political ad', links: [null, { href: 1, text: 2 }] })).toHaveLength(1);
    expect(bad(null)).toEqual([]);
    expect(read('Paid for by .')).toEqual([]);
    expect(read('Paid for by ::: 123')).toEqual([]);
  });
});

describe('DSA fields from bids', () => {
  it('reads behalf, paid and the transparency list', () => {
    expect(
      readDsaFields({
        behalf: '  Stichting Groen Zwolle ',
        paid: 'Groen Zwolle',
        adrender: 1,
        transparency: [{ domain: 'DSP.Example.com', dsaparams: [1, 2, 1] }, { domain: 'ssp.example', params: [3] }],
      }),
    ).toEqual({
      behalf: 'Stichting Groen Zwolle',
      paid: 'Groen Zwolle',
      adrender: 1,
      transparency: [
        { domain: 'dsp.example.com', params: [1, 2] },
        { domain: 'ssp.example', params: [3] },
      ],
    });
  });

  it('drops what is malformed and bounds what is kept', () => {
    const r = readDsaFields({
      behalf: '<b>' + 'A'.repeat(10_000) + '</b>',
      paid: 42,
      adrender: 'x',
      transparency: [{ domain: 'javascript:alert(1)' }, { domain: 'ok.example', dsaparams: ['1'] }, 'x', ...Array.from({ length: 100 }, () => ({ domain: 'x.example' }))],
    });
    expect(r!.behalf!.length).toBeLessThanOrEqual(120);
    expect(r!.behalf).not.toMatch(/[<>]/);
    expect(r!.paid).toBeUndefined();
    expect(r!.adrender).toBeUndefined();
    expect(r!.transparency.length).toBeLessThanOrEqual(10);
    expect(r!.transparency.every((t) => t.domain === 'x.example')).toBe(true);
  });

  it('returns undefined for nothing usable', () => {
    for (const x of [undefined, null, 'dsa', [], {}, { behalf: '' }, { transparency: [{ domain: '' }] }, { behalf: 5 }]) {
      expect(readDsaFields(x)).toBeUndefined();
    }
  });
});
