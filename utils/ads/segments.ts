import { foldText } from '../engine/political/match';

/**
 * What a targeting value's name suggests about the person it targets, when it names a
 * special category of personal data (GDPR Art. 9(1)) or a political leaning. Matched on
 * the start of each word of the name (`wahl-interessiert`, `politikinteressiert`,
 * `health_conscious`), in English, German, French and Dutch, so that `auswahl` or
 * `system` do not match. An inference from a name, never proof of what was targeted.
 */
export type SensitiveKind = 'politics' | 'religion' | 'health' | 'sexuality' | 'ethnicity' | 'union';

const KINDS: Array<[SensitiveKind, RegExp]> = [
  ['politics', /^(?:polit|elect|vot(?:e|er|ers|ing)$|ballot|democrat|republican|partisan|conservativ|progressiv|wahl|wahler|partei|scrutin|verkiez|kiezer|stem(?:men|mer|gedrag)?$|links$|rechts$|gauche$|droite$)/],
  ['religion', /^(?:relig|church|kirche|eglise|kerk|muslim|moslim|islam|jewish|judisch|juif|jood|christ|cathol|kathol|protestan|hindu|buddh|atheis)/],
  ['health', /^(?:health|gesundheit|sante$|gezondheid|diabet|cancer|krebs|kanker|pregnan|schwanger|enceinte|zwanger|depress|disab|behinder|handicap|hiv$|fertil|illness|krank|ziekte|maladie)/],
  ['sexuality', /^(?:lgbt|gay$|gays$|lesb|queer|bisex|homosex|transgender|sexual|sexuel|seksue)/],
  ['ethnicity', /^(?:ethni|racial|herkunft|migra|origine|afkomst|allochto|hispanic|latino)/],
  ['union', /^(?:gewerkschaft|syndica|vakbond|tradeunion)/],
];

export function sensitiveKind(name: string): SensitiveKind | undefined {
  const words = foldText(name)
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 2);
  for (const [kind, re] of KINDS) if (words.some((w) => re.test(w))) return kind;
  return undefined;
}
