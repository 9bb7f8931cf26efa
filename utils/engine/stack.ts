const MAX_LINES = 40;
const EXTENSION = /^(?:chrome|moz|safari-web)-extension:/;
// A location ends in :line or :line:column.
const LOCATION = /^((?:https?|wss?|blob|about):.*?)(?::\d+){1,2}$/;
// The script that called eval or new Function: V8 "eval at f (url:1:2), <anonymous>:1:1",
// Firefox "url line 2 > eval:1:1".
const V8_EVAL_ORIGIN = /((?:https?|blob):[^\s()]+?)(?::\d+){1,2}\)/;
const FIREFOX_EVAL = /^((?:https?|blob):\S+?) line \d+ > (?:eval|Function)/;

/** Where a stack line says its code is: V8 "at fn (loc)" or "at loc", Firefox "fn@loc". */
function locationOf(line: string): string | undefined {
  const s = line.trim();
  if (s.startsWith('at ')) {
    const body = s.slice(3);
    const open = body.indexOf(' (');
    return open !== -1 && body.endsWith(')') ? body.slice(open + 2, -1) : body;
  }
  const at = s.indexOf('@');
  return at === -1 ? undefined : s.slice(at + 1);
}

/** A blob: URL names no script we can attribute: keep only the origin that made it. */
function blobName(url: string): string {
  try {
    return `blob:${new URL(url.slice(5)).origin}`;
  } catch {
    return 'blob:';
  }
}

function scriptOf(location: string): string | undefined {
  if (EXTENSION.test(location)) return undefined;
  if (location.startsWith('eval at ')) {
    const m = V8_EVAL_ORIGIN.exec(location);
    return m && !EXTENSION.test(m[1]!) ? m[1] : undefined;
  }
  const ff = FIREFOX_EVAL.exec(location);
  if (ff) return ff[1];
  const m = LOCATION.exec(location);
  if (!m) return undefined;
  const url = m[1]!;
  if (url.startsWith('blob:')) return blobName(url);
  if (url.startsWith('about:')) return url.split(/[?#]/)[0];
  return url;
}

/** scriptOf for a frame's script name, which has no ":line:column" (as LOCATION would strip it). */
function scriptOfName(name: string): string | undefined {
  if (name.startsWith('https:') || name.startsWith('http:') || name.startsWith('wss:') || name.startsWith('ws:')) return name;
  if (name.startsWith('blob:')) return blobName(name);
  if (name.startsWith('about:')) {
    const end = name.search(/[?#]/);
    return end === -1 ? name : name.slice(0, end);
  }
  return undefined;
}

/**
 * The script that made a call, from an Error stack: the first frame that is not the
 * extension's own or a built-in. Chrome writes "at fn (url:line:col)", Firefox
 * "fn@url:line:col". Code run by eval or new Function is the script that ran it. Pages'
 * inline scripts appear as the page URL, which counts as the page itself. A blob: script
 * comes back as "blob:<origin>", an inline script of an about:blank or about:srcdoc frame
 * as "about:blank"/"about:srcdoc": reported, but attributed to no one.
 */
export function scriptFromStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  let start = 0;
  for (let i = 0; i < MAX_LINES && start < stack.length; i++) {
    let end = stack.indexOf('\n', start);
    if (end === -1) end = stack.length;
    const location = locationOf(stack.slice(start, end));
    const script = location && scriptOf(location);
    if (script) return script.slice(0, 2048);
    start = end + 1;
  }
  return undefined;
}

/** Whether a script name from scriptFromStack is a URL we can attribute to a company. */
export function isAttributable(script: string): boolean {
  return script.startsWith('https://') || script.startsWith('http://') || script.startsWith('wss://') || script.startsWith('ws://');
}

/**
 * The host of a script URL as stack frames name it (`https://host[:port]/path`), the same
 * as `new URL(url).host`: frames name scripts by their serialized URL (host lower-cased,
 * default port dropped), so the host is what lies between "://" (and any "user@") and the
 * path, without building a URL object in the page.
 */
export function hostOf(url: string): string {
  const start = url.indexOf('://') + 3;
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 || c === 63 || c === 35) break; // '/', '?', '#'
    end++;
  }
  const authority = url.slice(start, end);
  return authority.slice(authority.lastIndexOf('@') + 1);
}

/** Whether a script is not the page's own: another host than `ownHost`, or a blob: script no one can vouch for. */
export function fromOtherHost(script: string, ownHost: string): boolean {
  return isAttributable(script) ? hostOf(script) !== ownHost : script.startsWith('blob:');
}

/** The parts of a V8 CallSite (what Error.prepareStackTrace is given for each frame) we read. */
export interface CallSiteLike {
  getScriptNameOrSourceURL(): unknown;
  isEval(): unknown;
  getEvalOrigin(): unknown;
}

/**
 * scriptFromStack for V8's structured frames: the same answer as from the formatted stack,
 * without formatting it (a stack string needs the line and column of every frame). V8
 * formats a frame's location as its script name (or sourceURL) and ":line:column"; a frame
 * without a name, of code run by eval or new Function, as its eval origin first.
 */
export function scriptFromCallSites(sites: readonly CallSiteLike[]): string | undefined {
  const n = Math.min(sites.length, MAX_LINES);
  for (let i = 0; i < n; i++) {
    const site = sites[i]!;
    const name = site.getScriptNameOrSourceURL();
    let script: string | undefined;
    if (typeof name === 'string' && name) script = scriptOfName(name);
    else if (site.isEval()) {
      const origin = site.getEvalOrigin();
      script = typeof origin === 'string' ? scriptOf(origin) : undefined;
    }
    if (script) return script.slice(0, 2048);
  }
  return undefined;
}
