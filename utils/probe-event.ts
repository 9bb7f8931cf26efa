/**
 * The channel between the main-world probe and the isolated bridge. Kept apart from the
 * zod schemas so that neither content script has to carry zod.
 */

/** The event the main-world probe dispatches on `document`; its detail is a JSON string. */
export const PROBE_EVENT = 'targetlens:probe';
/**
 * Dispatched by the bridge when it starts listening (after the document is parsed): the
 * probe then sends again what it found before. A page can forge it too, which only makes
 * the probe repeat itself, a bounded number of times.
 */
export const BRIDGE_READY_EVENT = 'targetlens:bridge-ready';
/** Largest serialized event the bridge will even parse. */
export const MAX_EVENT_CHARS = 16 * 1024;
/** The kinds of findings a probe may report; the background's zod schema checks the rest. */
export const PROBE_KINDS: ReadonlySet<string> = new Set([
  'tcf',
  'gpp',
  'identity-config',
  'eids',
  'bid',
  'auction',
  'gpt-slot',
  'fingerprint',
  'replay',
  'keylogging',
  'campaign',
]);
