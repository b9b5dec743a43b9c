// Writes the JSON Schemas of Tulay's file formats to docs/schemas/, generated from the validators
// so that the two cannot drift. With --check, fails if the committed schemas are out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { agreementSchema, jurisdictionSchema, profileSchema, reformSchema } from '@tulay/engine';
import { instrumentsFileSchema } from '@tulay/knowledge';
import { scenarioFileSchema } from '../packages/knowledge/src/scenarios/scenario-schema.ts';

const schemas: Record<string, z.ZodType> = {
  profile: profileSchema,
  jurisdiction: jurisdictionSchema,
  agreement: agreementSchema,
  reform: reformSchema,
  instruments: instrumentsFileSchema,
  scenarios: scenarioFileSchema,
};

const dir = join(import.meta.dirname, '..', 'docs', 'schemas');
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, schema] of Object.entries(schemas)) {
  // The input shape: what a person writes, before defaults are filled in.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const text = `${JSON.stringify({ $id: `https://tulay.invalid/schemas/${name}.schema.json`, ...json }, null, 2)}\n`;
  const file = join(dir, `${name}.schema.json`);
  if (check) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`docs/schemas/${name}.schema.json is out of date: run npm run schemas`);
      stale++;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote docs/schemas/${name}.schema.json`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
