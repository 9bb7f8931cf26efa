/**
 * When the probe works after the page has loaded, in one place so that the benchmark
 * (bench/probe.ts) profiles until its last piece of work. No browser API here.
 */

/**
 * When the page's globals are read again after its load event (ms), for what is set up
 * late: auctions, consent, replay scripts loaded once consent is given. These readings,
 * and the one at the load event, wait for the page to be idle, at most IDLE_WAIT_MS.
 */
export const LATE_READS_MS = [3000, 10000];
export const IDLE_WAIT_MS = 1000;
/** When elements that had no text field yet when a script listened on them are looked at again, after the load event (ms). */
export const KEY_RECHECKS_MS = [0, 3000];
/** The probe's last scheduled work starts at most this long after the load event. */
export const LAST_WORK_MS = Math.max(...LATE_READS_MS, ...KEY_RECHECKS_MS) + IDLE_WAIT_MS;
