// The Popolo JSON Schemas vendored in packages/store/test/popolo (CC BY 4.0), loaded into Ajv.
// They are draft-03, which Ajv does not read: `id` becomes `$id` and `required: true` on a
// property becomes a `required` list on its object (the only draft-03 forms they use), so that
// Ajv resolves their `$ref`s to each other by those ids.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export const POPOLO_DIR = resolve(import.meta.dirname, '../../../packages/store/test/popolo');

function toDraft07(schema: unknown): Rec {
  const convert = (v: unknown, root: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => convert(x, false));
    if (!isRec(v)) return v;
    const out: Rec = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$schema') continue;
      if (root && k === 'id') out.$id = x;
      else if (k === 'properties' && isRec(x)) {
        const required: string[] = [];
        const props: Rec = {};
        for (const [name, prop] of Object.entries(x)) {
          if (isRec(prop) && prop.required === true) required.push(name);
          props[name] = isRec(prop)
            ? convert(
                Object.fromEntries(Object.entries(prop).filter(([p]) => p !== 'required')),
                false,
              )
            : convert(prop, false);
        }
        out.properties = props;
        if (required.length > 0) out.required = required;
      } else out[k] = convert(x, false);
    }
    return out;
  };
  const out = convert(schema, true);
  if (!isRec(out)) throw new Error('not a schema');
  return out;
}

/** A validator per Popolo class (person, organization, membership, post…). */
export function popoloValidators() {
  const ajv = new Ajv({ allErrors: true });
  for (const file of readdirSync(POPOLO_DIR).filter((f) => f.endsWith('.json')))
    ajv.addSchema(toDraft07(JSON.parse(readFileSync(join(POPOLO_DIR, file), 'utf8')) as unknown));
  return (kind: string) => {
    const validate = ajv.getSchema(`http://www.popoloproject.com/schemas/${kind}.json#`);
    if (!validate) throw new Error(`no Popolo schema for ${kind}`);
    return (value: unknown): string[] => (validate(value) ? [] : [ajv.errorsText(validate.errors)]);
  };
}
