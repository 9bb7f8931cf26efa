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
  return /^(?:https?|wss?):\/\//.test(script);
}
