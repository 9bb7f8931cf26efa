// The page probe's cost in Chromium: main-thread time of the extension's content scripts
// on a heavy fixture page (300 requests; scripts that draw, measure and add listeners),
// from V8's CPU profiler, and the page's load time with and without the extension.
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

async function profileLoad(page: Page): Promise<{ docStartMs: number; totalMs: number; probeMs: number; observerMs: number; loadMs: number; ownScriptMs: number }> {
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
  let observer = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]!)!;
    // A sample stands for the time until the next one, but the sampler stalls when the
    // machine is busy: cap each sample at four intervals rather than charge us the stall.
    const dt = Math.min((profile.timeDeltas[i + 1] ?? 0) / 1000, (4 * INTERVAL_US) / 1000);
    if (ours(n)) total += dt;
    if (n.callFrame.url.endsWith('/content-scripts/probe.js')) probe += dt;
    if (n.callFrame.url.endsWith('/observer.js')) observer += dt;
    // Only the main-world probe runs at document start; the isolated observer runs once the
    // document is parsed.
    if (underTopLevel(n.id) && n.callFrame.url.endsWith('/content-scripts/probe.js')) docStart += dt;
  }
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  const ownScriptMs = await page.evaluate(() => (window as unknown as { __ownScriptMs: number }).__ownScriptMs);
  return { docStartMs: docStart, totalMs: total, probeMs: probe, observerMs: observer, loadMs, ownScriptMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchProbe(): Promise<void> {
  const withExt = await ExtensionBrowser.launch();
  const without = await ExtensionBrowser.launch({ extension: false });
  try {
    const a: Awaited<ReturnType<typeof profileLoad>>[] = [];
    const b: Awaited<ReturnType<typeof profileLoad>>[] = [];
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
    }
    const fmt = (n: number) => n.toFixed(2).padStart(7);
    console.log(`\npage probe in Chromium, ${PAGE} (${requests} requests), median of ${RUNS} loads each:`);
    console.log(`  main-world probe at document start (top-level code)     ${fmt(median(a.map((x) => x.docStartMs)))} ms  (budget 1 ms)`);
    console.log(`  main-world probe, main thread over the whole load       ${fmt(median(a.map((x) => x.probeMs)))} ms  (budget 5 ms)`);
    console.log(`  isolated observer (timing, bridge, page text, ad slots) ${fmt(median(a.map((x) => x.observerMs)))} ms`);
    console.log(`  all extension scripts, over the whole load              ${fmt(median(a.map((x) => x.totalMs)))} ms`);
    console.log(`  the page's own drawing and listener script (2,000 fillText, 700 addEventListener, timed by the page):`);
    console.log(`    with Targetlens ${median(a.map((x) => x.ownScriptMs)).toFixed(2)} ms, without ${median(b.map((x) => x.ownScriptMs)).toFixed(2)} ms`);
    console.log(`  load event: with Targetlens ${median(a.map((x) => x.loadMs)).toFixed(0)} ms, without ${median(b.map((x) => x.loadMs)).toFixed(0)} ms`);
  } finally {
    await withExt.close();
    await without.close();
  }
}
