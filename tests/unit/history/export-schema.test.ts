import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSchemaText } from '@/utils/db/export-schema';
import { TABLES } from '@/utils/db/records';
import { csvColumns } from '@/utils/db/csv';

describe('docs/export.schema.json', () => {
  it('is what the zod schemas generate (run npm run export-schema after changing them)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../docs/export.schema.json'), 'utf8');
    expect(committed).toBe(exportSchemaText());
  });

  it('docs/export-format.md documents every field of every record', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/export-format.md'), 'utf8');
    for (const t of TABLES) for (const c of csvColumns(t)) expect(doc, `${t}.${c.name}`).toMatch(new RegExp(`\\| \`${c.name}\` \\|`));
    for (const f of ['format', 'version', 'exportedAt', 'extensionVersion', 'options', 'counts']) expect(doc, f).toContain(`\`${f}\``);
  });
});
