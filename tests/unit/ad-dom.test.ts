import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { candidates, keyFor, noteAdUnit, scan } from '@/utils/observe/ad-slots';
import { isHidden, textOf } from '@/utils/observe/ad-text';
import { readPageText } from '@/utils/observe/page-text';
import { readDisclosures } from '@/utils/engine/political';

/*
 * linkedom builds the DOM but does no layout. A small stand-in gives elements the two
 * layout answers the code asks for, from their inline style: checkVisibility (display,
 * opacity on the element or an ancestor, visibility on the element) and a box size
 * (width/height from the style or the attributes; 300×20 otherwise).
 */
function dom(html: string): Document {
  const { document, window } = parseHTML(html);
  const proto = (window as unknown as { Element: { prototype: Record<string, unknown> } }).Element.prototype;
  const style = (el: Element) => (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  proto.checkVisibility = function (this: Element) {
    if (/visibility:hidden/.test(style(this))) return false;
    for (let p: Element | null = this; p; p = p.parentElement) if (/display:none|opacity:0(?![.\d])/.test(style(p))) return false;
    return true;
  };
  proto.getBoundingClientRect = function (this: Element) {
    const s = style(this);
    const width = Number(/(?:^|;)width:(\d+)px/.exec(s)?.[1] ?? this.getAttribute('width') ?? 300);
    const height = Number(/(?:^|;)height:(\d+)px/.exec(s)?.[1] ?? this.getAttribute('height') ?? 20);
    return { x: 0, y: 0, left: 0, top: 0, right: width, bottom: height, width, height };
  };
  const view = window as unknown as { getComputedStyle?: unknown };
  view.getComputedStyle = (el: Element) => ({ overflow: /overflow:hidden/.test(style(el)) ? 'hidden' : 'visible', display: '', opacity: '1', visibility: 'visible' });
  return document as unknown as Document;
}

const page = (body: string, head = '') => dom(`<!doctype html><html lang="de"><head>${head}</head><body>${body}</body></html>`);

describe('ad slot candidates', () => {
  it('finds GPT, AdSense, Prebid, native ads in four languages and ad-sized iframes, each once', () => {
    noteAdUnit('prebid-box');
    const doc = page(`
      <div id="div-gpt-ad-top"><iframe id="google_ads_iframe_/1/top_0" src="https://tpc.googlesyndication.com/x" width="300" height="250"></iframe></div>
      <div id="wrap"><iframe id="google_ads_iframe_/1/side_0" src="https://tpc.googlesyndication.com/y" width="300" height="100"></iframe></div>
      <ins class="adsbygoogle" style="width:300px;height:250px"></ins>
      <div id="prebid-box"><iframe src="about:blank" width="300" height="250"></iframe></div>
      <article><span>Gesponsert</span><p>Neue Küchen</p></article>
      <li><small>Sponsorisé</small> Des vacances</li>
      <aside><em>Gesponsord</em> Fietsen</aside>
      <section><span style="display:none">Sponsored</span><p>Not an ad: its label is hidden.</p></section>
      <iframe src="https://googleads.g.doubleclick.net/pagead/ads?x=1" width="300" height="250"></iframe>
      <iframe src="https://tracker.example/pixel" width="1" height="1"></iframe>
    `);
    const found = candidates(doc).map((c) => [c.kind, c.el.id || c.el.tagName.toLowerCase(), c.label]);
    expect(found).toEqual([
      ['prebid', 'prebid-box', undefined],
      ['gpt', 'div-gpt-ad-top', undefined],
      ['gpt', 'wrap', undefined],
      ['adsense', 'ins', undefined],
      ['native', 'article', 'Gesponsert'],
      ['native', 'li', 'Sponsorisé'],
      ['native', 'aside', 'Gesponsord'],
      ['iframe', 'iframe', undefined],
    ]);
    const iframe = candidates(doc).find((c) => c.kind === 'iframe')!;
    expect(iframe.el.getAttribute('src')).toContain('googleads.g.doubleclick.net');
  });

  it('does not make the box around a slot already found, or a whole article, a second native ad', () => {
    const article = `<p>${'Der Stadtrat hat am Dienstag über den Haushalt beraten. '.repeat(30)}</p>`;
    const doc = page(`
      <section id="s1"><small>Anzeige</small><div id="div-gpt-ad-x"><iframe src="https://tpc.googlesyndication.com/x" width="300" height="250"></iframe></div></section>
      <article id="a1"><h2>Haushalt</h2>${article}<div class="box"><span>Anzeige</span><p>Neue Küchen</p></div><div id="div-gpt-ad-y" style="width:300px;height:250px"></div></article>
      <article id="a2"><h2>Haushalt</h2>${article}<div class="box2"><div><span>Gesponsert</span></div><p>Neue Fenster</p></div></article>
      <section id="s2"><div id="wrap"><iframe id="google_ads_iframe_/1/z_0" src="https://tpc.googlesyndication.com/z" width="300" height="250"></iframe></div><div id="div-gpt-ad-w"></div></section>
    `);
    const found = candidates(doc).map((c) => [c.kind, c.el.id || c.el.className]);
    expect(found).toEqual([
      ['gpt', 'div-gpt-ad-x'],
      ['gpt', 'div-gpt-ad-y'],
      ['gpt', 'div-gpt-ad-w'],
      ['gpt', 'wrap'],
      // The label next to a GPT slot, alone in its section: that slot's label, no second ad.
      // Next to a GPT slot in an article: the label's own box.
      ['native', 'box'],
      // In a long article with no slot: the box below the article, not the article.
      ['native', 'box2'],
    ]);
    const texts = scan(doc).map((s) => s.text);
    expect(texts.some((t) => t.includes('Stadtrat'))).toBe(false);
  });

  it('keys a slot without an id once, so a rescan or a slot added above does not change it', () => {
    const doc = page(`<main><article><span>Gesponsert</span>Erste</article><article><span>Gesponsert</span>Zweite</article></main><div id="native-9"></div>`);
    const first = scan(doc).map((s) => [s.key, s.text]);
    expect(first.map(([k]) => k)).toEqual([expect.stringMatching(/^native-\d+$/), expect.stringMatching(/^native-\d+$/)]);
    expect(new Set(first.map(([k]) => k)).size).toBe(2);
    const added = doc.createElement('article');
    added.innerHTML = '<span>Gesponsert</span>Neue';
    doc.querySelector('main')!.prepend(added);
    const second = scan(doc).map((s) => [s.key, s.text]);
    expect(second).toHaveLength(3);
    for (const [key, text] of first) expect(second).toContainEqual([key, text]);
    expect(second.find(([, t]) => t!.includes('Neue'))![0]).not.toBe(first[0]![0]);
    // A given key never takes an id the page uses.
    const el = doc.createElement('div');
    for (let i = 0; i < 20; i++) expect(keyFor(doc.createElement('div'), 'native')).not.toBe('native-9');
    expect(keyFor(el, 'iframe')).toBe(keyFor(el, 'iframe'));
  });
});

describe('ad text', () => {
  it('reads one line per block, without scripts and styles', () => {
    const doc = page(`<div id="ad"><div>Politische <b>Anzeige</b></div><script>var x = 'Paid for by Script PAC';</script><style>.a{}</style><p>Für eine grünere Stadt</p><p>Paid for by <a href="https://x.example/">Citizens for X</a>.</p></div>`);
    expect(textOf(doc.getElementById('ad'))).toBe('Politische Anzeige\nFür eine grünere Stadt\nPaid for by Citizens for X .');
  });

  it('does not take a hidden "Paid for by" or a hidden label', () => {
    const doc = page(`<div id="ad">
      <p>Wählen Sie Grün am 8. März</p>
      <p style="display:none">Paid for by Hidden PAC One.</p>
      <div style="display: none"><p>Paid for by Hidden PAC Two.</p></div>
      <p style="visibility:hidden">Paid for by Hidden PAC Three.</p>
      <div style="opacity:0"><span>Paid for by Hidden PAC Four.</span></div>
      <div style="width:0px;height:0px;overflow:hidden"><span>Politische Anzeige</span></div>
      <span style="width:1px;height:1px">Paid for by Hidden PAC Five.</span>
      <p>Auftraggeber: Bürgerliste Talheim e.V.</p>
    </div>`);
    const text = textOf(doc.getElementById('ad'));
    expect(text).toBe('Wählen Sie Grün am 8. März\nAuftraggeber: Bürgerliste Talheim e.V.');
    const sponsors = readDisclosures({ text, links: [] }).map((d) => d.sponsor);
    expect(sponsors).toEqual(['Bürgerliste Talheim e.V']);
    expect(isHidden(doc.querySelector('[style*="opacity"] span')!)).toBe(true);
    expect(isHidden(doc.querySelector('p')!)).toBe(false);
  });

  it('does not take a hidden name next to a visible "Paid for by" as the sponsor', () => {
    const doc = page(`<div id="ad">
      <p><span>Paid for by</span> <span style="opacity:0">Fake PAC</span></p>
      <p>Paid for by <span style="display:none">Decoy Fund and</span> <b>Citizens for Y</b>.</p>
    </div>`);
    const text = textOf(doc.getElementById('ad'));
    expect(text).toBe('Paid for by\nPaid for by Citizens for Y .');
    expect(readDisclosures({ text, links: [] }).map((d) => d.sponsor)).toEqual(['Citizens for Y']);
  });

  it('drops label-like lines once its visibility checks are spent, rather than read them unchecked', () => {
    // Forty visible lines that look like labels use up the checks; a hidden "Paid for by" after them is still not read.
    const doc = page(`<div id="ad">${'<p>Anzeige</p>'.repeat(40)}<p>Ein ganz normaler Satz.</p><p style="display:none">Paid for by Late PAC.</p><p>Paid for by <span style="opacity:0">Later PAC</span></p></div>`);
    const text = textOf(doc.getElementById('ad'));
    expect(text).not.toMatch(/Late PAC|Later PAC/);
    expect(text.split('\n').filter((l) => l === 'Anzeige')).toHaveLength(40);
    // Lines that look like nothing are read as they are.
    expect(text).toContain('Ein ganz normaler Satz.');
  });

  it('takes text as it is where there is no layout to ask', () => {
    const bare = { ownerDocument: { defaultView: {} }, parentElement: null, getBoundingClientRect: () => ({ width: 0, height: 0 }) };
    expect(isHidden(bare as unknown as Element)).toBe(false);
  });

  it('stops at its bound', () => {
    const doc = page(`<div id="ad">${'<p>Sponsored line of an ad</p>'.repeat(500)}</div>`);
    expect(textOf(doc.getElementById('ad'), 100).length).toBe(100);
  });
});

describe('page text for the classifier', () => {
  it('reads title, headings, meta, schema.org types and what the JSON-LD says, bounded', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'Priya Raman for State Senate', keywords: ['election', 'Wisconsin', 'State Senate'] },
        { '@type': 'Person', name: 'Priya Raman', jobTitle: 'Democratic candidate for Wisconsin State Senate', about: { '@type': 'Thing', name: 'Clean water' }, description: 'x'.repeat(1000) },
      ],
    };
    const many = { '@type': 'ItemList', itemListElement: Array.from({ length: 40 }, (_, i) => ({ '@type': 'ListItem', name: `Item ${i}` })) };
    const doc = page(
      `<h1>Priya Raman</h1><h2>On   the issues</h2><script>var hidden = 'election election';</script><p>Clean water and <b>strong</b> schools.</p>`,
      `<title> Priya Raman </title><meta name="description" content="Running for the State Senate">
       <meta property="og:type" content="website">
       <script type="application/ld+json">${JSON.stringify(ld)}</script>
       <script type="application/ld+json">{ not json</script>
       <script type="application/ld+json">${JSON.stringify(many)}</script>`,
    );
    const p = readPageText(doc);
    expect(p).toMatchObject({ lang: 'de', title: 'Priya Raman', headings: ['Priya Raman', 'On the issues'], meta: { description: 'Running for the State Senate', ogType: 'website' } });
    expect(p.schemaTypes).toEqual(['WebPage', 'Person', 'ItemList']);
    expect(p.schemaText).toEqual(
      expect.arrayContaining(['Priya Raman for State Senate', 'election, Wisconsin, State Senate', 'Democratic candidate for Wisconsin State Senate', 'Clean water']),
    );
    expect(p.schemaText!.length).toBeLessThanOrEqual(20);
    expect(p.schemaText!.every((t) => t.length <= 300)).toBe(true);
    expect(p.text).toBe('Priya Raman On the issues Clean water and strong schools.');
  });
});
