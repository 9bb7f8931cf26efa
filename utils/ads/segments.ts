import { foldText } from '../engine/political/match';

/**
 * What a targeting value's name suggests about the person it targets, when it names a
 * special category of personal data (GDPR Art. 9(1)) or a political leaning, in English,
 * German, French and Dutch. The name is split into words (at spaces, punctuation, digits
 * and camelCase humps), and a word counts only as a whole word from the lists below, or as
 * one of a few explicit compound stems ("politikinteressiert", "bundestagswahl"): a plain
 * prefix match reads "electronics" as politics and "christmas_shoppers" as religion.
 * Words that are as often something else ("links", "race", "stem", "union", "progressive")
 * ("hearing aids", a golf handicap) are left out. An inference from a name, never proof of what was targeted.
 */
export type SensitiveKind = 'politics' | 'religion' | 'health' | 'sexuality' | 'ethnicity' | 'union';

/** Whole words, folded (no accents), lower case. */
const WORDS: Record<SensitiveKind, string> = {
  politics: `politics political politically politician politicians politik politiker politisch politische politischen politischer politisches
    politique politiques politicien politiciens politiek politieke politicus politici
    election elections electoral electorate voter voters voting ballot ballots democrat democrats democratic republican republicans partisan partisans
    conservatives progressives wahl wahlen wahler wahlerin wahlerinnen waehler partei parteien
    scrutin electeur electeurs electrice electrices electorale electorales electoraux votant votants
    verkiezing verkiezingen kiezer kiezers stemmer stemmers stemgedrag stemwijzer`,
  religion: `religion religions religious religios religiose religiosen religioser religieux religieuse religieuses religieus religieuze
    church churches churchgoer churchgoers kirche kirchen kirchgang kirchganger eglise eglises kerk kerken kerkganger kerkgangers
    muslim muslims muslime muslimisch moslim moslims musulman musulmans musulmane musulmanes islam islamic islamisch islamique islamitisch
    jewish jews jude juden judisch juif juifs juive juives jood joden joods
    christ christian christians christianity christen christlich christliche chretien chretiens chretienne chretiennes christelijk christelijke
    catholic catholics katholisch katholische katholik katholiken catholique catholiques katholiek katholieke
    protestant protestants protestantisch protestantse evangelisch evangelische evangelique evangelical
    hindu hindus hinduism buddhist buddhists buddhism buddhistisch bouddhiste bouddhistes boeddhist boeddhisten
    atheist atheists atheism atheistisch athee athees atheist atheisten`,
  health: `health healthcare gesundheit sante gezondheid
    diabetes diabetic diabetics diabetiker diabete diabetique diabetiques
    cancer krebs krebserkrankung kanker
    pregnant pregnancy schwanger schwangerschaft enceinte enceintes grossesse zwanger zwangerschap
    depression depressed depressionen depressie
    disability disabilities disabled behinderung behinderungen behindert handicape handicapes gehandicapt
    hiv fertility infertility ivf fruchtbarkeit kinderwunsch fertilite infertilite vruchtbaarheid
    illness illnesses krankheit krankheiten chronisch ziekte ziektes maladie maladies`,
  sexuality: `lgbt lgbtq lgbtqi lgbtqia lgbti gay gays lesbian lesbians lesbisch lesbische lesbienne lesbiennes queer
    bisexual bisexuals bisexuell bisexuel bisexuelle biseksueel biseksuele homosexual homosexuals homosexuell homosexuel homosexuelle homoseksueel homoseksuele
    transgender transgenders sexuality sexualitat sexualite seksualiteit`,
  ethnicity: `ethnic ethnicity ethnicities ethnisch ethnische ethnique ethniques etnisch etnische etniciteit racial
    migrationshintergrund migratieachtergrond immigrant immigrants immigre immigres einwanderer
    allochtoon allochtonen hispanic hispanics latino latinos latina latinas latinx`,
  union: `gewerkschaft gewerkschaften gewerkschafter syndicat syndicats syndique syndiques syndicaliste syndicalistes syndical syndicale
    vakbond vakbonden vakbondslid vakbondsleden`,
};

/** Explicit compound stems: a word that starts (or, for German elections, ends) this way. */
const COMPOUNDS: Array<[SensitiveKind, RegExp]> = [
  ['politics', /^(?:politik|politisch|politiek|partei(?:mitglied|tag|nah|anhang)|verkiezings|wahl(?:kampf|berecht|programm|omat|verhalten|interess))/],
  ['politics', /^(?:bundestags|landtags|europa|kommunal|gemeinderats|prasidentschafts|burgermeister)wahl(?:en|kampf)?$/],
  ['politics', /^(?:erst|jung|wechsel|stamm|nicht|protest)?(?:wahler|waehler)(?:in|innen|n|schaft)?$/],
  ['religion', /^(?:kirchen(?:mitglied|gemeinde|besuch)|kerk(?:lid|leden|bezoek))/],
  ['health', /^(?:gesundheits|gezondheids)/],
  ['union', /^(?:gewerkschafts|vakbonds)/],
];

/** Two-word names (after splitting): "trade union", "swing voters". */
const PHRASES: Array<[SensitiveKind, RegExp]> = [
  ['union', /^(?:trade|labou?r) unions?$|^union members?$/],
  ['politics', /^swing voters?$|^zwevende kiezers?$/],
];

const LOOKUP = new Map<string, SensitiveKind>();
for (const [kind, list] of Object.entries(WORDS) as [SensitiveKind, string][]) {
  for (const w of list.split(/\s+/)) if (w && !LOOKUP.has(w)) LOOKUP.set(w, kind);
}

function wordsOf(name: string): string[] {
  return foldText(name.slice(0, 200))
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 2);
}

export function sensitiveKind(name: string): SensitiveKind | undefined {
  const words = wordsOf(name);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const hit = LOOKUP.get(w) ?? COMPOUNDS.find(([, re]) => re.test(w))?.[0];
    if (hit) return hit;
    const next = words[i + 1];
    const phrase = next && PHRASES.find(([, re]) => re.test(`${w} ${next}`))?.[0];
    if (phrase) return phrase;
  }
  return undefined;
}
