export { PAGE_TEXT_LIMITS, pageTextSchema, parsePageText, clip, type PageText } from './page-text';
export {
  classifyPoliticalPage,
  CAMPAIGN_TECH_ROLES,
  partisanDonations,
  LABEL_THRESHOLD,
  type PoliticalVerdict,
  type PoliticalLabel,
  type PoliticalReason,
  type PoliticalEvidence,
  type PoliticalTech,
  type EvidenceWhere,
  type Provenance,
} from './classify-page';
export { findTerms, foldText, allTerms, type Hit, type Term } from './match';
export { lexicons, parties as partyLexicon, type LexiconLang, type TermDef, type TermKind } from './lexicon';
export {
  readDisclosures,
  readDsaFields,
  cleanSponsor,
  DISCLOSURE_LIMITS,
  type Disclosure,
  type DisclosureKind,
  type DisclosureLang,
  type DsaFields,
} from './disclosures';
