// npm run bench:probe: only the page probe's benchmark in Chromium (npm run bench runs it too).
import { benchProbe } from './probe';

await benchProbe();
