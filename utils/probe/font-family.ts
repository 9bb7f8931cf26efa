// "italic bold 72px/1.2 'Font Name', monospace" → "'font name', monospace": what a font
// sweep varies is the family; sizes and weights vary on any page that draws text.
const SIZE = /(?:^|\s)[\d.]+(?:px|pt|pc|em|rem|ex|ch|%|vw|vh|cm|mm|in|q)(?:\s*\/\s*\S+)?\s+(.+)$/i;

const apply = Reflect.apply;
const STYLE = ['style'];
let hasAttribute: Element['hasAttribute'] | undefined;

/** The family part of a CSS font shorthand, lower-cased; the whole value when it has no size. */
export function fontFamilyOf(font: unknown): string {
  const s = typeof font === 'string' ? font.slice(0, 300) : '';
  return (SIZE.exec(s)?.[1] ?? s).trim().toLowerCase();
}

/**
 * Measurements come in bursts when fonts are being enumerated: hundreds of widths read in
 * a moment. Outside a burst a measurement costs a counter; inside one, the measured
 * element's family is looked at, until the burst turns out to measure the same few
 * families over and over (a layout loop), when looking stops for the rest of the window.
 */
export class MeasureBurst {
  private count = 0;
  private looked = 0;
  private families = new Set<string>();
  private timer = false;

  constructor(
    private readonly burst: number,
    private readonly windowMs: number,
    private readonly later: (fn: () => void, ms: number) => void,
  ) {}

  /** Whether this measurement should be looked at. Layout code calls this all the time: keep it to a few compares. */
  hit(): boolean {
    if (this.looked < 0) return false;
    if (!this.timer) {
      this.timer = true;
      const later = this.later; // setTimeout, called without a receiver
      later(() => this.reset(), this.windowMs);
    }
    return ++this.count > this.burst;
  }

  /** The family of a measurement we looked at; stops looking when families repeat. */
  saw(family: string): void {
    if (this.looked < 0) return;
    this.looked++;
    if (this.families.size < 400) this.families.add(family);
    // A sweep measures a new family nearly every time; a layout loop the same few.
    if (this.looked >= 30 && this.families.size * 3 < this.looked) this.looked = -1;
  }

  private reset(): void {
    this.count = 0;
    this.looked = 0;
    this.families = new Set();
    this.timer = false;
  }
}

/**
 * The font family set on an element's own style, or '': an element without a style
 * attribute has none, and its style object (which the page may never have needed) is not
 * made for us. Called on elements only, once the page has made some.
 */
export function inlineFamily(el: unknown): string {
  try {
    hasAttribute ??= (globalThis as Record<string, any>).Element?.prototype.hasAttribute;
    if (hasAttribute && !apply(hasAttribute, el, STYLE)) return '';
    const family = (el as HTMLElement).style?.fontFamily;
    return typeof family === 'string' ? family : '';
  } catch {
    return '';
  }
}
