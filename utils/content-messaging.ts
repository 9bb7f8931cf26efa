import type { Message } from './messages';

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Content scripts only ever send one-way messages, which both Chrome's `chrome` and
 * Firefox's `browser` do natively with a promise: no polyfill is shipped into every frame.
 */
export function sendToBackground(message: Message): void {
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome?: RuntimeLike };
  const api = g.browser?.runtime?.sendMessage ? g.browser : g.chrome;
  api?.runtime.sendMessage(message).catch(() => undefined);
}
