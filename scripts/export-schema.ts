// npm run export-schema: writes docs/export.schema.json from the zod schemas of the export
// (utils/db/export-schema.ts). A unit test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportSchemaText } from '../utils/db/export-schema';

const file = join(import.meta.dirname, '../docs/export.schema.json');
writeFileSync(file, exportSchemaText());
console.log(`wrote ${file}`);
