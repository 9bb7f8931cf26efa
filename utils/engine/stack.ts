const FRAME_URL = /((?:https?|wss?):\/\/[^\s()]+?)(?::\d+){1,2}\)?\s*$/;
const MAX_LINES = 40;

/**
 * The script that made a call, from an Error stack: the first frame whose URL is not
 * the extension's own. Chrome writes "at fn (url:line:col)", Firefox "fn@url:line:col".
 * Pages' inline scripts appear as the page URL, which counts as the page itself.
 */
export function scriptFromStack(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  let start = 0;
  for (let i = 0; i < MAX_LINES && start < stack.length; i++) {
    let end = stack.indexOf('\n', start);
    if (end === -1) end = stack.length;
    const m = FRAME_URL.exec(stack.slice(start, end));
    if (m) return m[1]!.slice(0, 2048);
    start = end + 1;
  }
  return undefined;
}
