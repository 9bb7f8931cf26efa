import { scriptFromStack } from '../engine/stack';

// Captured before any page script runs, so a page replacing Error later changes nothing.
const ErrorCtor = Error as unknown as (new () => Error) & { stackTraceLimit?: number; prepareStackTrace?: unknown };
/** Our own frames (wrapper, hook, rule, this) come first; the page's caller follows them. */
const FRAMES = 8;

/**
 * The URL of the script that called the API we are in, from a fresh stack. A page may set
 * Error.stackTraceLimit to 0 or install Error.prepareStackTrace, which would blind us or
 * show the page our frames: both are set aside while the stack is taken, then restored.
 * Taking a stack costs microseconds, so rules call this only when they are about to fire.
 */
export function callerScript(): string | undefined {
  let limit: unknown;
  let prepare: unknown;
  let changedLimit = false;
  let changedPrepare = false;
  try {
    limit = ErrorCtor.stackTraceLimit;
    if (limit !== undefined && limit !== FRAMES) {
      ErrorCtor.stackTraceLimit = FRAMES;
      changedLimit = true;
    }
    prepare = ErrorCtor.prepareStackTrace;
    if (prepare !== undefined) {
      ErrorCtor.prepareStackTrace = undefined;
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
    if (changedPrepare) ErrorCtor.prepareStackTrace = prepare;
  } catch {
    /* ignore */
  }
  return typeof stack === 'string' ? scriptFromStack(stack) : undefined;
}
