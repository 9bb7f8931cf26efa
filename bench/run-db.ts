// npm run bench:db: only the history store's benchmark (npm run bench runs it too).
import { benchDb } from './db';

await benchDb();
