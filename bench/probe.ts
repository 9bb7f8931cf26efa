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
// (own-work.html), timed by itself with and without the extension.
import type { Page } from 'playwright-core';
import { ExtensionBrowser } from '../tests/e2e/harness';

const PAGE = 'https://www.heavy-news-example.com/';
const RUNS = 9;
const INTERVAL_US = 50;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
}

async function profileLoad(page: Page): Promise<{ docStartMs: number; totalMs: number; probeMs: number; wrapperMs: number; observerMs: number; loadMs: number }> {
  // Start on the same site, so the navigation stays in the profiled renderer process.
  await page.goto(PAGE + 'blank.html');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await cdp.send('Profiler.start');
  await page.goto(PAGE, { waitUntil: 'load' });
  await page.waitForTimeout(1500); // let late reports and timers run
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  // A script's top-level code is its nameless node at position -1:-1 (or 0:0): samples under
  // it are the work our scripts do when injected at document start; the rest of their
  // samples are callbacks and wrappers running later.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (n: ProfileNode) => n.callFrame.url.startsWith('chrome-extension://');
  const topLevel = (n: ProfileNode) => ours(n) && n.callFrame.functionName === '' && n.callFrame.lineNumber <= 0 && n.callFrame.columnNumber <= 0;
  const atStart = new Map<number, boolean>();
  const underTopLevel = (id: number): boolean => {
    let v = atStart.get(id);
    if (v === undefined) {
      const n = byId.get(id)!;
      const p = parent.get(id);
      v = topLevel(n) || (p !== undefined && underTopLevel(p));
      atStart.set(id, v);
    }
    return v;
  };
  let total = 0;
  let docStart = 0;
  let probe = 0;
  let wrappers = 0;
  let observer = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]!)!;
    // A sample stands for the time until the next one, but the sampler stalls when the
    // machine is busy: cap each sample at four intervals rather than charge us the stall.
    const dt = Math.min((profile.timeDeltas[i + 1] ?? 0) / 1000, (4 * INTERVAL_US) / 1000);
    if (ours(n)) total += dt;
    if (n.callFrame.url.endsWith('/content-scripts/probe.js')) {
      if (n.callFrame.functionName.includes('targetlens')) wrappers += dt;
      else probe += dt;
    }
    if (n.callFrame.url.endsWith('/observer.js')) observer += dt;
    // Only the main-world probe runs at document start; the isolated observer runs once the
    // document is parsed.
    if (underTopLevel(n.id) && n.callFrame.url.endsWith('/content-scripts/probe.js')) docStart += dt;
  }
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  return { docStartMs: docStart, totalMs: total, probeMs: probe, wrapperMs: wrappers, observerMs: observer, loadMs };
}

/** The heavy page's own script, alone on a quiet page, as the page times it: in all and part by part. */
async function ownWork(page: Page): Promise<Record<string, number>> {
  await page.goto(PAGE + 'own-work.html', { waitUntil: 'load' });
  return page.evaluate(() => {
    const w = window as unknown as { __ownScriptMs: number; __ownParts: Record<string, number> };
    return { all: w.__ownScriptMs, ...w.__ownParts };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchProbe(): Promise<void> {
  const withExt = await ExtensionBrowser.launch();
  const without = await ExtensionBrowser.launch({ extension: false });
  try {
    const a: Awaited<ReturnType<typeof profileLoad>>[] = [];
    const b: Awaited<ReturnType<typeof profileLoad>>[] = [];
    const ownWith: Record<string, number>[] = [];
    const ownWithout: Record<string, number>[] = [];
    let requests = 0;
    for (let i = 0; i < RUNS; i++) {
      const p1 = await withExt.context.newPage();
      const mark = withExt.server.mark();
      a.push(await profileLoad(p1));
      requests = withExt.server.pageRequests(mark).filter((r) => r.path !== '/blank.html').length;
      await p1.close();
      const p2 = await without.context.newPage();
      b.push(await profileLoad(p2));
      await p2.close();
      // Alternating, three times a round: the effect is a few milliseconds on a page whose
      // own time varies by more from load to load on a busy machine.
      for (let k = 0; k < 3; k++) {
        for (const [browser, out] of [[withExt, ownWith], [without, ownWithout]] as const) {
          const p = await browser.context.newPage();
          out.push(await ownWork(p));
          await p.close();
        }
      }
    }
    const fmt = (n: number) => n.toFixed(2).padStart(7);
    console.log(`\npage probe in Chromium, ${PAGE} (${requests} requests), median of ${RUNS} loads each:`);
    console.log(`  main-world probe at document start (top-level code)     ${fmt(median(a.map((x) => x.docStartMs)))} ms  (budget 1 ms)`);
    console.log(`  main-world probe's own code over the whole load         ${fmt(median(a.map((x) => x.probeMs)))} ms`);
    console.log(`  inside the probe's wrappers, with the natives they call ${fmt(median(a.map((x) => x.wrapperMs)))} ms`);
    console.log(`  isolated observer (timing, bridge, page text, ad slots) ${fmt(median(a.map((x) => x.observerMs)))} ms`);
    console.log(`  all extension scripts, over the whole load              ${fmt(median(a.map((x) => x.totalMs)))} ms`);
    const min = (xs: number[]) => Math.min(...xs);
    const stat = (f: (xs: number[]) => number, rows: Record<string, number>[], k: string) => f(rows.map((x) => x[k]!));
    const parts = Object.keys(ownWith[0] ?? {}).filter((k) => k !== 'all');
    const [minA, minB, medA, medB] = [stat(min, ownWith, 'all'), stat(min, ownWithout, 'all'), stat(median, ownWith, 'all'), stat(median, ownWithout, 'all')];
    console.log(`  the page's own script alone (2,000 fillText and measureText, 700 addEventListener, 2,000 offsetWidth/Height, 100 navigator/screen reads, 200 value reads; timed by the page, ${ownWith.length} loads each):`);
    console.log(`    fastest load with Targetlens ${minA.toFixed(1)} ms, without ${minB.toFixed(1)} ms: the wrappers cost it ${(minA - minB).toFixed(1)} ms`);
    console.log(`    median with Targetlens ${medA.toFixed(1)} ms, without ${medB.toFixed(1)} ms (${(medA - medB).toFixed(1)} ms)`);
    console.log(`    fastest by part, with / without: ${parts.map((k) => `${k} ${stat(min, ownWith, k).toFixed(1)} / ${stat(min, ownWithout, k).toFixed(1)}`).join(', ')}`);
    // On a busy machine the fastest loads of the whole script differ by more than its parts
    // do: the wrappers' cost is taken part by part, a part that ran faster with the
    // extension counting as no cost.
    const wrapperCost = parts.reduce((sum, k) => sum + Math.max(0, stat(min, ownWith, k) - stat(min, ownWithout, k)), 0);
    console.log(`  what the wrappers cost the page's script, part by part (fastest loads)   ${fmt(wrapperCost)} ms`);
    // The hooks the page's script sets off are in both figures: the sum is an upper bound.
    console.log(`  main-world probe over the whole load, at most: own code + what the wrappers cost ${fmt(median(a.map((x) => x.probeMs)) + wrapperCost)} ms  (budget 5 ms)`);
    console.log(`  load event: with Targetlens ${median(a.map((x) => x.loadMs)).toFixed(0)} ms, without ${median(b.map((x) => x.loadMs)).toFixed(0)} ms`);
  } finally {
    await withExt.close();
    await without.close();
  }
}
