// The page probe's cost in Chromium: main-thread time of the extension's content scripts
// on a heavy fixture page (300 requests; scripts that draw, measure, read layout and
// fields, and add listeners), from V8's CPU profiler, and the page's load time with and
// without the extension.
//
// A sampling profiler charges the work of a native API to the JavaScript frame that
// called it, and V8's fast API calls leave no frame of their own: once fillText is
// wrapped, the drawing the page asked for is sampled inside the wrapper. Wrappers are
// named targetlens* (utils/probe/native.ts), so their samples are counted apart, and what
// they cost the page is measured directly: the page's own script, alone on a quiet page
// (own-work.html), timed by itself with and without the extension. Document start, which
// a profile cannot show either, is traced afterwards, with peers (bench/peers/).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { Page } from 'playwright-core';
import { minify } from 'vite';
import { EXTENSION_DIR, ExtensionBrowser } from '../tests/e2e/harness';
import { LAST_WORK_MS } from '../utils/probe/schedule';
import { median, medianDifference } from './stats';

const PAGE = 'https://www.heavy-news-example.com/';
const RUNS = 9;
/** Loads of own-work.html with and without the extension, alternating, per round. */
const OWN_PER_ROUND = 16;
/** Tabs per round traced until DOMContentLoaded, for the document-start figure: each loads the page twice. */
const DOC_START_PER_ROUND = 2;
const PROBE_FILE = '/content-scripts/probe.js';
/**
 * Peers for document start: the same extension with probe.js replaced by another script,
 * traced the same way, in turn with it (bench/peers/). One statement is what any script at
 * document start costs; it compiles in about 0.1 ms from source too, so all its loads
 * count. The bare recorder installs probe.js's document-start hooks and nothing else: the
 * least a probe with them can cost, compared when compiled from source, as probe.js is.
 */
const DOC_START_PEERS = [
  { name: 'one statement', file: 'one-statement.js', allLoads: true },
  { name: 'a bare recorder with the same hooks', file: 'bare-recorder.js', allLoads: false },
] as const;
const READER_FILE = '/content-scripts/probe-reader.js';
const INTERVAL_US = 50;
/** The heavy page's own script, which own-work.html runs alone. */
const OWN_WORK = '/own-work.js';
/** Profiled after the load event, with the extension: until the probe's last scheduled work is done. */
const AFTER_LOAD_MS = LAST_WORK_MS + 500;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
}

interface Load {
  totalMs: number;
  probeMs: number;
  wrapperMs: number;
  /**
   * The probe's samples (its own code and its wrappers) whose stack does not pass through
   * own-work.js, after its top-level code at document start, which the trace measures.
   */
  laterOutsideOwnWorkMs: number;
  /** The probe's samples whose stack passes through own-work.js: work that own-work.html's comparison measures. */
  insideOwnWorkMs: number;
  /** The reader's samples, which are also in probeMs. */
  readerMs: number;
  observerMs: number;
  loadMs: number;
}

/** The main-world probe's evaluation in the top frame at document start, from Chromium's trace. */
interface DocStart {
  /** All of it: V8 compiling the script and running its top-level code. */
  evaluateMs: number;
  compileMs: number;
  /** The renderer process it ran in. */
  pid: number;
}

/** A browser that only loads the page for document start, with probe.js or a peer in its place (`dir`). */
interface DocStartBrowser {
  name: string;
  size: number;
  allLoads?: boolean;
  dir?: string;
  browser?: ExtensionBrowser;
  traced: DocStart[];
}

interface TraceEvent {
  name: string;
  pid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string } };
}

/**
 * The main-world probe's document start in the top frame: the first EvaluateScript event of
 * probe.js (the top frame's document is made before any frame's), which is everything the
 * main thread does for it then, compiling included, and the `v8.compile` events inside it.
 * (A sampling profile cannot show this: V8 compiles a script before any frame of it
 * exists, and Blink making the interface objects the probe touches leaves few samples.)
 */
function probeDocStart(events: TraceEvent[]): DocStart | undefined {
  const isProbe = (e: TraceEvent) => e.dur !== undefined && (e.args?.data?.url ?? '').endsWith(PROBE_FILE);
  const evaluate = events.filter((e) => e.name === 'EvaluateScript' && isProbe(e)).sort((a, b) => a.ts - b.ts)[0];
  if (!evaluate) return undefined;
  const inside = events.filter((e) => e.name === 'v8.compile' && isProbe(e) && e.ts >= evaluate.ts && e.ts <= evaluate.ts + evaluate.dur!);
  return { evaluateMs: evaluate.dur! / 1000, compileMs: inside.reduce((sum, e) => sum + e.dur! / 1000, 0), pid: evaluate.pid };
}

/** Loads PAGE in `page` with a devtools.timeline trace until DOMContentLoaded, for the probe's document start. */
async function traceDocStart(page: Page): Promise<DocStart | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const traced = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
  await cdp.send('Tracing.end');
  await traced;
  await cdp.detach();
  return probeDocStart(events);
}

async function profileLoad(page: Page, afterLoadMs: number): Promise<Load> {
  // Start on the same site, so the navigation stays in the profiled renderer process.
  await page.goto(PAGE + 'blank.html');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await cdp.send('Profiler.start');
  await page.goto(PAGE, { waitUntil: 'load' });
  await page.waitForTimeout(afterLoadMs); // let late reports and timers run
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (n: ProfileNode) => n.callFrame.url.startsWith('chrome-extension://');
  /** Whether a node, or one of its callers, is `is`. */
  const under = (is: (n: ProfileNode) => boolean) => {
    const memo = new Map<number, boolean>();
    const test = (id: number): boolean => {
      let v = memo.get(id);
      if (v === undefined) {
        const p = parent.get(id);
        v = is(byId.get(id)!) || (p !== undefined && test(p));
        memo.set(id, v);
      }
      return v;
    };
    return test;
  };
  const underOwnWork = under((n) => n.callFrame.url.endsWith(OWN_WORK));
  // A script's top-level code is its nameless node at position -1:-1 (or 0:0). The probe's,
  // at document start, is measured by the trace; the reader's, once the document is
  // parsed, is counted here.
  const underProbeTopLevel = under((n) => n.callFrame.url.endsWith(PROBE_FILE) && n.callFrame.functionName === '' && n.callFrame.lineNumber <= 0 && n.callFrame.columnNumber <= 0);
  let total = 0;
  let probe = 0;
  let wrappers = 0;
  let laterOutsideOwnWork = 0;
  let insideOwnWork = 0;
  let reader = 0;
  let observer = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]!)!;
    // A sample stands for the time until the next one, but the sampler stalls when the
    // machine is busy: cap each sample at four intervals rather than charge us the stall.
    const dt = Math.min((profile.timeDeltas[i + 1] ?? 0) / 1000, (4 * INTERVAL_US) / 1000);
    if (ours(n)) total += dt;
    // The main-world probe is two scripts: the probe (hooks and wrappers) and its reader (rules, globals).
    const url = n.callFrame.url;
    if (url.endsWith(PROBE_FILE) || url.endsWith(READER_FILE)) {
      if (n.callFrame.functionName.includes('targetlens')) wrappers += dt;
      else probe += dt;
      if (url.endsWith(READER_FILE)) reader += dt;
      if (underOwnWork(n.id)) insideOwnWork += dt;
      else if (!underProbeTopLevel(n.id)) laterOutsideOwnWork += dt;
    }
    if (n.callFrame.url.endsWith('/observer.js')) observer += dt;
  }
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  return { totalMs: total, probeMs: probe, wrapperMs: wrappers, laterOutsideOwnWorkMs: laterOutsideOwnWork, insideOwnWorkMs: insideOwnWork, readerMs: reader, observerMs: observer, loadMs };
}

/**
 * The built probe compiled by Node's V8, 30 times, each with a different trailing comment so
 * that V8's compile cache cannot answer: a steadier figure than the browser's trace, to
 * compare builds by.
 */
export function nodeCompileMs(): number {
  const source = readFileSync(join(EXTENSION_DIR, 'content-scripts/probe.js'), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    new Script(`${source}\n//${i}`, { filename: `probe-${i}.js` });
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The heavy page's own script, alone on a quiet page, as the page times it: in all and part by part. */
async function ownWork(page: Page): Promise<Record<string, number>> {
  await page.goto(PAGE + 'own-work.html', { waitUntil: 'load' });
  return page.evaluate(() => {
    const w = window as unknown as { __ownScriptMs: number; __ownParts: Record<string, number> };
    return { all: w.__ownScriptMs, ...w.__ownParts };
  });
}


export async function benchProbe(): Promise<void> {
  const a: Load[] = [];
  const b: Load[] = [];
  const ownWith: Record<string, number>[] = [];
  const ownWithout: Record<string, number>[] = [];
  let requests = 0;
  const withExt = await ExtensionBrowser.launch();
  const without = await ExtensionBrowser.launch({ extension: false });
  try {
    for (let i = 0; i < RUNS; i++) {
      const p1 = await withExt.context.newPage();
      const mark = withExt.server.mark();
      a.push(await profileLoad(p1, AFTER_LOAD_MS));
      requests = withExt.server.pageRequests(mark).filter((r) => r.path !== '/blank.html').length;
      await p1.close();
      const p2 = await without.context.newPage();
      // Without the extension only the load event is used: no need to wait for the probe's schedule.
      b.push(await profileLoad(p2, 1500));
      await p2.close();
      // Alternating, many times a round: the effect is a few milliseconds on a script whose
      // own time varies by more than that from load to load on a busy machine.
      for (let k = 0; k < OWN_PER_ROUND; k++) {
        for (const [browser, out] of [[withExt, ownWith], [without, ownWithout]] as const) {
          const p = await browser.context.newPage();
          out.push(await ownWork(p));
          await p.close();
        }
      }
    }
  } finally {
    await withExt.close();
    await without.close();
  }

  // Document start, afterwards, in browsers that load nothing else (so that what they have
  // compiled before is only what was traced): Targetlens's, then its peers', in turn.
  const starts: DocStartBrowser[] = [{ name: 'probe.js', size: readFileSync(join(EXTENSION_DIR, PROBE_FILE)).byteLength, traced: [] }];
  try {
    starts[0]!.browser = await ExtensionBrowser.launch();
    for (const { name, file, allLoads } of DOC_START_PEERS) {
      const dir = mkdtempSync(join(tmpdir(), 'targetlens-peer-'));
      const peer: DocStartBrowser = { name, size: 0, allLoads, dir, traced: [] };
      starts.push(peer);
      cpSync(EXTENSION_DIR, dir, { recursive: true });
      // Minified as probe.js is, so that bytes compare.
      const { code } = await minify(file, readFileSync(join(import.meta.dirname, 'peers', file), 'utf8'), {});
      writeFileSync(join(dir, PROBE_FILE), code);
      peer.size = Buffer.byteLength(code);
      peer.browser = await ExtensionBrowser.launch({ extensionDir: dir });
    }
    // A new tab, coming from another site, gets a new renderer process, which usually
    // compiles the probe from source; loading the page again in the same tab may reuse
    // that process, or get a new one.
    for (let i = 0; i < RUNS; i++) {
      for (const start of starts) {
        for (let k = 0; k < DOC_START_PER_ROUND; k++) {
          const p = await start.browser!.context.newPage();
          await p.goto('https://start.targetlens.test/');
          for (let again = 0; again < 2; again++) {
            const d = await traceDocStart(p);
            if (d) start.traced.push(d);
          }
          await p.close();
        }
      }
    }
  } finally {
    for (const start of starts) {
      await start.browser?.close();
      if (start.dir) rmSync(start.dir, { recursive: true, force: true });
    }
  }

  const fmt = (n: number) => n.toFixed(2).padStart(7);
  console.log(`\npage probe in Chromium, ${PAGE} (${requests} requests), median of ${RUNS} loads each, profiled until ${(AFTER_LOAD_MS / 1000).toFixed(1)} s after the load event (the probe's last scheduled work):`);
  const range = (xs: number[]) => `(loads: ${Math.min(...xs).toFixed(2)} to ${Math.max(...xs).toFixed(2)})`;
  const quartile = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.round(q * (xs.length - 1))]!;
  // V8 compiles the probe from source only when no compiled code is at hand: a renderer
  // process keeps it for its later pages and frames, and Chromium can hand a new process
  // code compiled in another (traced: no parsing inside the evaluation). Compiling from
  // source is what a new site in a new tab usually gets: that is the document start
  // charged against the budget. Loads are told apart by their compile time (0.8 ms and
  // more from source here; 0.1 ms or less from a cache).
  const FROM_SOURCE_MS = 0.3;
  const fromSource = (xs: DocStart[]) => xs.filter((x) => x.compileMs >= FROM_SOURCE_MS);
  const fromCache = (xs: DocStart[]) => xs.filter((x) => x.compileMs < FROM_SOURCE_MS);
  // A load is in a new process unless the previous one traced in the same browser ran in the same.
  const newProcess = (xs: DocStart[]) => new Set(xs.filter((x, i) => i === 0 || xs[i - 1]!.pid !== x.pid));
  const traced = starts[0]!.traced;
  const cold = fromSource(traced);
  const cached = fromCache(traced);
  const spread = (xs: number[]) => (xs.length ? `quartiles ${quartile(xs, 0.25).toFixed(2)} and ${quartile(xs, 0.75).toFixed(2)}` : 'none');
  const docStart = cold.length ? median(cold.map((x) => x.evaluateMs)) : 0;
  const compile = cold.length ? median(cold.map((x) => x.compileMs)) : 0;
  const topLevel = cold.length ? median(cold.map((x) => x.evaluateMs - x.compileMs)) : 0;
  const inNew = newProcess(traced);
  const cachedNew = cached.filter((x) => inNew.has(x));
  console.log(`  main-world probe at document start, compiled from source (trace: its evaluation in the top frame), median of ${cold.length} of ${traced.length} loads  ${fmt(docStart)} ms (${spread(cold.map((x) => x.evaluateMs))})  (budget 1 ms)`);
  console.log(`    V8 compiling it                                        ${fmt(compile)} ms (${spread(cold.map((x) => x.compileMs))})`);
  console.log(`    running its top-level code                             ${fmt(topLevel)} ms (${spread(cold.map((x) => x.evaluateMs - x.compileMs))})`);
  console.log(`    (in a new renderer process: ${cold.filter((x) => inNew.has(x)).length} of these ${cold.length})`);
  console.log(`  main-world probe at document start with compiled code from a cache, median of ${cached.length} loads   ${cached.length ? fmt(median(cached.map((x) => x.evaluateMs))) : '    -'} ms (compiling ${cached.length ? median(cached.map((x) => x.compileMs)).toFixed(2) : '-'} ms)`);
  console.log(`    of which in a new renderer process, ${cachedNew.length} loads  ${cachedNew.length ? fmt(median(cachedNew.map((x) => x.evaluateMs))) : '    -'} ms`);
  console.log(`    (the same file compiled by Node's V8, for comparison: ${nodeCompileMs().toFixed(2)} ms)`);
  console.log(`  peers at document start, the same extension with probe.js (${(starts[0]!.size / 1024).toFixed(1)} KB) replaced, traced in turn with it:`);
  for (const peer of starts.slice(1)) {
    const peerCold = peer.allLoads ? peer.traced : fromSource(peer.traced);
    const m = peerCold.length ? median(peerCold.map((x) => x.evaluateMs)) : NaN;
    const which = peer.allLoads ? 'all loads' : 'compiled from source';
    console.log(`    ${peer.name} (bench/peers/, ${(peer.size / 1024).toFixed(1)} KB), ${which}  ${fmt(m)} ms (${spread(peerCold.map((x) => x.evaluateMs))}; compiling ${peerCold.length ? median(peerCold.map((x) => x.compileMs)).toFixed(2) : '-'} ms; ${peerCold.length} of ${peer.traced.length} loads): probe.js takes ${(docStart / m).toFixed(1)}×`);
  }
  console.log(`  main-world probe's own code over the whole load (probe and reader)  ${fmt(median(a.map((x) => x.probeMs)))} ms ${range(a.map((x) => x.probeMs))}`);
  console.log(`    of which the reader's (rules and globals, once the document is parsed) ${fmt(median(a.map((x) => x.readerMs)))} ms`);
  console.log(`  inside the probe's wrappers, with the natives they call ${fmt(median(a.map((x) => x.wrapperMs)))} ms`);
  console.log(`  isolated observer (timing, bridge, page text, ad slots) ${fmt(median(a.map((x) => x.observerMs)))} ms`);
  console.log(`  all extension scripts, over the whole load              ${fmt(median(a.map((x) => x.totalMs)))} ms`);
  // What the wrappers cost the page's own script: the difference of its median times with
  // and without, over many alternating loads, with a 95 % bootstrap interval. (The fastest
  // loads, used before, move by milliseconds from run to run on a busy machine: the
  // drawing part, which no wrapper touches, came out anywhere from 1.2 ms faster to 2.6 ms
  // slower with the extension.)
  const col = (rows: Record<string, number>[], k: string) => rows.map((x) => x[k]!);
  const parts = Object.keys(ownWith[0] ?? {}).filter((k) => k !== 'all');
  const cost = medianDifference(col(ownWith, 'all'), col(ownWithout, 'all'));
  const ms = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
  console.log(`  the page's own script alone (2,000 fillText and measureText, 700 addEventListener, 2,000 offsetWidth/Height, 100 navigator/screen reads, 200 value reads; timed by the page, ${ownWith.length} loads each, alternating):`);
  console.log(`    median with Targetlens ${median(col(ownWith, 'all')).toFixed(2)} ms, without ${median(col(ownWithout, 'all')).toFixed(2)} ms: the wrappers cost it ${ms(cost.diff)} ms (95 % interval ${ms(cost.lo)} to ${ms(cost.hi)})`);
  console.log(`    by part, median with − without (95 % interval): ${parts.map((k) => { const d = medianDifference(col(ownWith, k), col(ownWithout, k)); return `${k} ${ms(d.diff)} (${ms(d.lo)} to ${ms(d.hi)})`; }).join(', ')}`);
  console.log(`    fastest load with / without: ${Math.min(...col(ownWith, 'all')).toFixed(1)} / ${Math.min(...col(ownWithout, 'all')).toFixed(1)} ms`);
  // Each piece of the probe's work counted once. On the heavy page, own-work.js is the
  // only script that calls the wrapped APIs at length. Everything the probe does inside
  // its calls (the wrappers, the hooks they call, the stacks those take, down to the 25
  // getters wrapped at its first read of navigator) runs synchronously in them, so it is
  // in that script's own timing, with and without, on own-work.html, which runs the same
  // own-work.js alone: `cost`. The probe's samples whose stack passes through
  // own-work.js are that same work, and are left out here, and so are its top-level
  // samples, which the trace's document start already holds; all its other samples, its
  // own code and its wrappers called by the page's other scripts (which include the
  // native work those asked for), are added.
  const later = median(a.map((x) => x.laterOutsideOwnWorkMs));
  const wrapperCost = Math.max(0, cost.diff);
  console.log(`  main-world probe after document start, outside own-work.js's calls (own code and wrappers, profile)  ${fmt(later)} ms ${range(a.map((x) => x.laterOutsideOwnWorkMs))}`);
  console.log(`    (inside them, profiled on the heavy page and left for the line below: ${median(a.map((x) => x.insideOwnWorkMs)).toFixed(2)} ms)`);
  console.log(`  main-world probe over the whole load: document start + that + what the wrappers and hooks cost own-work.js ${fmt(docStart + later + wrapperCost)} ms, at most ${(docStart + later + Math.max(0, cost.hi)).toFixed(2)} ms with the interval's top  (budget 5 ms)`);
  console.log(`  load event: with Targetlens ${median(a.map((x) => x.loadMs)).toFixed(0)} ms, without ${median(b.map((x) => x.loadMs)).toFixed(0)} ms`);
}
