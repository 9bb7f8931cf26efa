import type { Message } from './messages';

interface RuntimeLike {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown, sender: { id?: string }) => void): void };
  };
}

// Chrome's `chrome` and Firefox's `browser` both answer with promises natively: no
// polyfill is shipped into every frame.
function api(): RuntimeLike | undefined {
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome?: RuntimeLike };
  return g.browser?.runtime?.sendMessage ? g.browser : g.chrome;
}

/** Sends a message to the background; resolves to its answer, or undefined. */
export function sendToBackground(message: Message): Promise<unknown> {
  return api()?.runtime.sendMessage(message).catch(() => undefined) ?? Promise.resolve(undefined);
}

/** Listens to messages from our own background (never from pages or other extensions). */
export function onBackgroundMessage(listener: (message: unknown) => void): void {
  const runtime = api()?.runtime;
  runtime?.onMessage.addListener((message, sender) => {
    if (sender.id === runtime.id) listener(message);
  });
}
