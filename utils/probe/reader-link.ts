/**
 * The main-world probe comes in two scripts, so that document start carries only what must
 * be in place before the page's first script: the probe (document start) wraps APIs and
 * watches calls; the reader (once the document is parsed) reads the page's globals and
 * parses what the probe saw called. The reader asks for the probe's link with this event,
 * whose detail is a function the probe calls back at once with it.
 *
 * Both run in the page's world, so the page can forge the request and get a link too. All
 * it could do with one is what it can do anyway: hear the calls it made itself (and, by
 * connecting, the API calls the hooks see), send the bridge events (untrusted, and limited
 * there, like every event it hears), have live functions of its own wrapped. It can take up the links (MAX_LINKS), which blinds the
 * reader for its own tab: a page can always hide what it does.
 */
import type { TapSink } from './taps';

export const READER_LINK_EVENT = 'targetlens:reader-link';
export const MAX_LINKS = 4;

/** A call the probe saw: a pixel's function (fbq, snaptr, twq), a live library function (tag names it), or a watched library loaded. */
export type SeenCall = { tag: string; args: ArrayLike<unknown> };

export interface ReaderLink {
  /** Hands a serialized finding to the bridge with the probe's dispatch, captured before any page script ran. */
  send(detail: string): void;
  /** Hears every call seen so far (at most the probe's backlog), then each new one. */
  onCall(listener: (call: SeenCall) => void): void;
  /** Wraps the library functions that have replaced their snippets' queues since the last look. */
  wrapLive(): void;
  /** Installs the hooks that waited for the page's first elements. */
  installAll(): void;
  /** Hands the probe's hooks to the reader's rules: the taps kept so far, then each new one. */
  connect(sink: TapSink): void;
}

/** The probe's side: answers every request with `link`, at most MAX_LINKS times. */
export function offerLink(link: ReaderLink, listen: EventTarget['addEventListener'], doc: Document): void {
  let given = 0;
  try {
    listen.call(doc, READER_LINK_EVENT, (e: Event) => {
      try {
        const take = (e as CustomEvent<unknown>).detail;
        if (typeof take === 'function' && given++ < MAX_LINKS) take(link);
      } catch {
        /* a page's forged request: nothing to do */
      }
    });
  } catch {
    /* never disturb the page */
  }
}

/** The reader's side: the probe's link, or undefined when there is no probe in this frame. */
export function requestLink(doc: Document): ReaderLink | undefined {
  let link: ReaderLink | undefined;
  try {
    doc.dispatchEvent(
      new CustomEvent(READER_LINK_EVENT, {
        detail: (l: ReaderLink) => {
          link ??= l;
        },
      }),
    );
  } catch {
    return undefined;
  }
  return link;
}
