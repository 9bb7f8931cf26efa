import { scriptFromCallSites, scriptFromStack, type CallSiteLike } from '../engine/stack';

// Captured before any page script runs, so a page replacing Error later changes nothing.
const ErrorCtor = Error as unknown as (new () => Error) & { stackTraceLimit?: number; prepareStackTrace?: unknown; captureStackTrace?: unknown };
/**
 * Our own frames (wrapper, hook, tap, the reader's rule, this) come first; the page's
 * caller follows them.
 */
const FRAMES = 12;
const hasOwn = Object.prototype.hasOwnProperty;
/**
 * In V8 (Error.captureStackTrace exists), the stack is taken as structured frames
 * (Error.prepareStackTrace's CallSites), which skips formatting every frame's line and
 * column; elsewhere as the usual string.
 */
const asCallSites = typeof ErrorCtor.captureStackTrace === 'function' ? (_e: unknown, sites: unknown) => sites : undefined;

/**
 * A fresh stack: CallSites in V8, a string elsewhere; `scriptOf` finds the page's script in
 * it. A page may set Error.stackTraceLimit to 0 or install Error.prepareStackTrace, which
 * would blind us or show the page our frames: both are set aside while the stack is taken,
 * then restored. Taking a stack costs microseconds, so rules call this only when they are
 * about to fire.
 */
export function takeStack(): unknown {
  let limit: unknown;
  let prepare: unknown;
  let changedLimit = false;
  let changedPrepare = false;
  let hadPrepare = false;
  try {
    limit = ErrorCtor.stackTraceLimit;
    if (limit !== undefined && limit !== FRAMES) {
      ErrorCtor.stackTraceLimit = FRAMES;
      changedLimit = true;
    }
    hadPrepare = hasOwn.call(ErrorCtor, 'prepareStackTrace');
    prepare = ErrorCtor.prepareStackTrace;
    if (prepare !== asCallSites) {
      ErrorCtor.prepareStackTrace = asCallSites;
      changedPrepare = true;
    }
  } catch {
    /* a page that froze Error: take what we get */
  }
  let stack: unknown;
  try {
    stack = new ErrorCtor().stack;
  } catch {
    stack = undefined;
  }
  try {
    if (changedLimit) ErrorCtor.stackTraceLimit = limit as number;
    // A page that never set Error.prepareStackTrace finds no such property afterwards either.
    if (changedPrepare && hadPrepare) ErrorCtor.prepareStackTrace = prepare;
    else if (changedPrepare) delete ErrorCtor.prepareStackTrace;
  } catch {
    /* ignore */
  }
  return stack;
}

/** The URL of the first script in `stack` that is not ours: who called the API. */
export function scriptOf(stack: unknown): string | undefined {
  try {
    if (Array.isArray(stack)) return scriptFromCallSites(stack as CallSiteLike[]);
  } catch {
    return undefined;
  }
  return typeof stack === 'string' ? scriptFromStack(stack) : undefined;
}

/** The URL of the script that called the API we are in. */
export const callerScript = (): string | undefined => scriptOf(takeStack());
