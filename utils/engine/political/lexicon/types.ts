/** The languages the political lexicons cover. */
export type LexiconLang = 'en' | 'de' | 'fr' | 'nl';

/**
 * What a word says about a page:
 * - `election`: elections and voting (election, Wahlkampf, scrutin, lijsttrekker);
 * - `politics`: institutions and offices (parliament, Bundestag, ministre, Tweede Kamer);
 * - `party`: a party or a European Parliament group;
 * - `call`: a campaign's call to act (donate, mitmachen, adhérer, word lid);
 * - `reporting`: the voice of a news report (said, sagte, selon, volgens). Not political.
 */
export type TermKind = 'election' | 'politics' | 'party' | 'call' | 'reporting';

/**
 * One word or phrase of a lexicon.
 * `form` is written as people write it. Several words make a phrase. A trailing `*`
 * matches any word that starts with the rest (`Wahlkampf*`), a leading `*` any word
 * that ends with it (`*verkiezingen`); wildcards apply to single words only.
 */
export interface TermDef {
  form: string;
  kind: TermKind;
  /** 1 = weak or everyday (vote, campaign), 2 = clear, 3 = unmistakable (Bundestagswahl). */
  weight: 1 | 2 | 3;
  /** Letter case must match exactly (diacritics are still ignored): `AfD`, `PS`, `Grünen`. */
  cs?: boolean;
  /** A word with everyday meanings (`Labour`, `Renaissance`, `Groen`): counted only when other political words support it. */
  ambiguous?: boolean;
  /** For parties: the party's registry id, when it has one. */
  party?: string;
}

/** Builds lexicon entries of one kind and weight. */
export function terms(kind: TermKind, weight: 1 | 2 | 3, forms: string[], extra: Partial<TermDef> = {}): TermDef[] {
  return forms.map((form) => ({ form, kind, weight, ...extra }));
}
