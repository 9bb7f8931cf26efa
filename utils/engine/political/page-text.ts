import { z } from 'zod';
import { PAGE_TEXT_LIMITS } from './page-text-limits';

export { PAGE_TEXT_LIMITS };

// C0/C1 control characters other than tab and newlines, and the Unicode
// bidi-override characters: never useful for reading, sometimes used to disguise text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Cuts a string to `max` UTF-16 units without leaving half a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end);
}

/** A bounded, cleaned string: longer input is truncated, control characters dropped. */
const bounded = (max: number) =>
  z.string().transform((s) => clip(clip(s, max * 2).replace(CONTROL, ''), max));

/** A list cut to `max` items of bounded strings. Non-string items fail the parse. */
const boundedList = (items: number, max: number) =>
  z
    .array(z.unknown())
    .transform((a) => a.slice(0, items))
    .pipe(z.array(bounded(max)));

export const pageTextSchema = z.object({
  url: bounded(PAGE_TEXT_LIMITS.url),
  lang: bounded(PAGE_TEXT_LIMITS.lang).optional(),
  title: bounded(PAGE_TEXT_LIMITS.title),
  headings: boundedList(PAGE_TEXT_LIMITS.headings, PAGE_TEXT_LIMITS.heading),
  meta: z.object({
    description: bounded(PAGE_TEXT_LIMITS.metaField).optional(),
    keywords: bounded(PAGE_TEXT_LIMITS.metaField).optional(),
    ogType: bounded(PAGE_TEXT_LIMITS.ogType).optional(),
    ogTitle: bounded(PAGE_TEXT_LIMITS.metaField).optional(),
    ogDescription: bounded(PAGE_TEXT_LIMITS.metaField).optional(),
    ogSiteName: bounded(PAGE_TEXT_LIMITS.metaField).optional(),
    articleSection: bounded(PAGE_TEXT_LIMITS.metaField).optional(),
  }),
  schemaTypes: boundedList(PAGE_TEXT_LIMITS.schemaTypes, PAGE_TEXT_LIMITS.schemaType),
  /** What the JSON-LD says in words: headline, name, about, keywords, jobTitle, description. */
  schemaText: boundedList(PAGE_TEXT_LIMITS.schemaTexts, PAGE_TEXT_LIMITS.schemaText).optional(),
  text: bounded(PAGE_TEXT_LIMITS.text),
});

/** What a content script reads of a page for the political classifier: visible text only. */
export type PageText = z.output<typeof pageTextSchema>;

/** Parses untrusted page text into bounded `PageText`, or undefined if its shape is wrong. */
export function parsePageText(input: unknown): PageText | undefined {
  const r = pageTextSchema.safeParse(input);
  return r.success ? r.data : undefined;
}
