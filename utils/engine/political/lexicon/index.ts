import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { parties } from './parties';
import type { LexiconLang, TermDef } from './types';

export type { LexiconLang, TermDef, TermKind } from './types';

/** Every lexicon, by language; parties are shared by all languages. */
export const lexicons: Record<LexiconLang, TermDef[]> = { en, de, fr, nl };
export { parties };
