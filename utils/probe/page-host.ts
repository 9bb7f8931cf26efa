import { fromOtherHost, hostOf, isAttributable } from '../engine/stack';

// Captured at document start, before a page can replace them.
const apply = Reflect.apply;
const urlGetter = Object.getOwnPropertyDescriptor(Document.prototype, 'URL')?.get;
const doc = document;
let host: string | undefined;

/**
 * The page's host, as location.host gives it (empty for about:blank, file: and other
 * documents without one), read from document.URL: the Location object, which the page may
 * never need, is not made for us. Read once, when a rule first needs it.
 */
export function pageHost(): string {
  if (host === undefined) {
    let url = '';
    try {
      url = String(urlGetter ? apply(urlGetter, doc, []) : doc.URL);
    } catch {
      /* no URL: no host */
    }
    host = isAttributable(url) ? hostOf(url) : '';
  }
  return host;
}

/** Whether `script` is another host's than the page's (a blob: script counts as one). */
export function otherHost(script: string): boolean {
  try {
    return fromOtherHost(script, pageHost());
  } catch {
    return false;
  }
}
