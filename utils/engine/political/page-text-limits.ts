import { MAX_PAGE_URL } from '../../limits';

// Kept apart from the zod schema: the content script that reads the page imports these
// bounds, and must not carry zod into every frame.
/**
 * Bounds of what a content script may send about a page's text. The page is untrusted:
 * the content script should cut its reading to these bounds before sending, and the
 * schema cuts again (strings are truncated, lists are shortened) so nothing bigger
 * ever reaches the classifier.
 */
export const PAGE_TEXT_LIMITS = {
  url: MAX_PAGE_URL,
  lang: 35,
  title: 300,
  headings: 40,
  heading: 200,
  metaField: 500,
  ogType: 60,
  schemaTypes: 20,
  schemaType: 60,
  /** schema.org text fields (headline, name, about, keywords, jobTitle, description). */
  schemaTexts: 20,
  schemaText: 300,
  text: 20_000,
} as const;
