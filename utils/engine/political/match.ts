import { lexicons, parties, type LexiconLang, type TermDef, type TermKind } from './lexicon';

/**
 * Deterministic lexicon matching. Text is cut into words (Unicode letters and digits,
 * kept together across `-`, `'` and `&`, so `N-VA`, `CD&V` and `l'élection` are one
 * word). Each word is compared in two folded forms: diacritics stripped with case kept
 * (for case-sensitive terms such as `PS` or `Grünen`), and lower-cased (for the rest).
 * Evidence keeps the page's own spelling.
 */

/** A lexicon term, compiled. Terms with the same folded form and kind are merged across languages. */
export interface Term {
  /** Stable identity: kind + folded form. */
  key: string;
  kind: TermKind;
  weight: 1 | 2 | 3;
  cs: boolean;
  ambiguous: boolean;
  /** Languages whose lexicon holds the term; empty for parties (every language). */
  langs: LexiconLang[];
  /** Folded words of the phrase (case kept when cs, lower-cased otherwise). */
  words: string[];
  match: 'exact' | 'prefix' | 'suffix';
}

export interface Hit {
  term: Term;
  /** The page's own spelling of the matched words. */
  surface: string;
}

interface Token {
  raw: string;
  /** Diacritics stripped, case kept. */
  fold: string;
  low: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['&-][\p{L}\p{N}]+)*/gu;
const MARKS = /\p{M}+/gu;

/** Strips diacritics and unifies apostrophes and hyphens; keeps case. */
export function foldText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .normalize('NFKD')
    .replace(MARKS, '')
    .normalize('NFC');
}

function tokenize(text: string): Token[] {
  const folded = text.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").replace(/[\u2010\u2011\u2012]/g, '-');
  const out: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const fold = foldText(m[0]);
    out.push({ raw: text.slice(start, end), fold, low: fold.toLowerCase(), start, end });
  }
  return out;
}

interface Compiled {
  /** Exact single words and phrases, by the lower-cased first word. */
  byFirst: Map<string, Term[]>;
  /** Prefix terms, by their first three letters. */
  prefixes: Map<string, Term[]>;
  suffixes: Term[];
  all: Term[];
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  const byKey = new Map<string, Term>();
  const add = (def: TermDef, lang: LexiconLang | undefined) => {
    let form = def.form;
    let match: Term['match'] = 'exact';
    if (form.endsWith('*')) {
      match = 'prefix';
      form = form.slice(0, -1);
    } else if (form.startsWith('*')) {
      match = 'suffix';
      form = form.slice(1);
    }
    const words = tokenize(form).map((t) => (def.cs ? t.fold : t.low));
    if (words.length === 0) throw new Error(`empty lexicon form ${def.form}`);
    if (match !== 'exact' && (words.length > 1 || def.cs || words[0]!.length < 4)) {
      throw new Error(`a wildcard term must be one word of 4+ letters, not case-sensitive: ${def.form}`);
    }
    const key = `${def.kind}:${match === 'prefix' ? '' : match === 'suffix' ? '*' : ''}${words.join(' ')}${match === 'prefix' ? '*' : ''}${def.cs ? ':cs' : ''}`;
    const prev = byKey.get(key);
    if (prev) {
      if (lang && !prev.langs.includes(lang)) prev.langs.push(lang);
      return;
    }
    byKey.set(key, {
      key,
      kind: def.kind,
      weight: def.weight,
      cs: !!def.cs,
      ambiguous: !!def.ambiguous,
      langs: lang ? [lang] : [],
      words,
      match,
    });
  };
  for (const lang of Object.keys(lexicons) as LexiconLang[]) for (const d of lexicons[lang]) add(d, lang);
  for (const d of parties) add(d, undefined);

  const byFirst = new Map<string, Term[]>();
  const prefixes = new Map<string, Term[]>();
  const suffixes: Term[] = [];
  const push = (m: Map<string, Term[]>, k: string, t: Term) => {
    const l = m.get(k);
    if (l) l.push(t);
    else m.set(k, [t]);
  };
  for (const t of byKey.values()) {
    if (t.match === 'prefix') push(prefixes, t.words[0]!.slice(0, 3), t);
    else if (t.match === 'suffix') suffixes.push(t);
    else push(byFirst, t.words[0]!.toLowerCase(), t);
  }
  // Longer phrases first, so `Bündnis 90/Die Grünen` wins over `Die Grünen`.
  for (const l of byFirst.values()) l.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, prefixes, suffixes, all: [...byKey.values()] };
}

function lexicon(): Compiled {
  return (compiled ??= compile());
}

/** Every compiled term (for tests and documentation). */
export function allTerms(): readonly Term[] {
  return lexicon().all;
}

function wordMatches(t: Term, i: number, tok: Token): boolean {
  return t.cs ? tok.fold === t.words[i] : tok.low === t.words[i];
}

/** The single-word term for one folded lower-case word, if any (exact, then prefix, then suffix). */
function singleWord(c: Compiled, low: string, fold: string): Term | undefined {
  for (const t of c.byFirst.get(low) ?? []) {
    if (t.words.length === 1 && (t.cs ? fold === t.words[0] : true)) return t;
  }
  // Among wildcards, the heaviest wins: `gemeenteraadsverkiezingen` is an election word
  // (`*verkiezingen`) before it is a council word (`gemeenteraad*`).
  let best: Term | undefined;
  for (const t of c.prefixes.get(low.slice(0, 3)) ?? []) {
    if (low.startsWith(t.words[0]!) && (!best || t.weight > best.weight)) best = t;
  }
  for (const t of c.suffixes) if (low.endsWith(t.words[0]!) && (!best || t.weight > best.weight)) best = t;
  return best;
}

/** Finds every lexicon term in a text, left to right; each word counts for at most one term. */
export function findTerms(text: string): Hit[] {
  const c = lexicon();
  const toks = tokenize(text);
  const hits: Hit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    let found: Term | undefined;
    let span = 1;
    for (const t of c.byFirst.get(tok.low) ?? []) {
      if (t.words.length === 1) continue;
      if (i + t.words.length > toks.length) continue;
      let ok = true;
      for (let k = 0; k < t.words.length && ok; k++) ok = wordMatches(t, k, toks[i + k]!);
      if (ok) {
        found = t;
        span = t.words.length;
        break;
      }
    }
    found ??= singleWord(c, tok.low, tok.fold);
    if (!found && /['-]/.test(tok.low)) {
      // Parts of a joined word: `pre-election`, `CDU-Politiker`, `l'élection`.
      const lows = tok.low.split(/['-]/);
      const folds = tok.fold.split(/['-]/);
      for (let k = 0; k < lows.length && !found; k++) {
        if (lows[k]!.length >= 2) found = singleWord(c, lows[k]!, folds[k]!);
      }
    }
    if (found) {
      const last = toks[i + span - 1]!;
      hits.push({ term: found, surface: text.slice(tok.start, last.end) });
      i += span - 1;
    }
  }
  return hits;
}
