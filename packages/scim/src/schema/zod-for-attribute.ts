import { z } from 'zod';
import type { AttributeDef } from './attribute-def.ts';
import { canonicaliseKeys, coerceBoolean, coerceComplexShape } from './coerce-input.ts';

export type ZodMode = {
  /** `input` coerces IdP quirks (string booleans, bare-string references) and drops readOnly and `$ref` sub-attributes. */
  direction: 'input' | 'output';
  strictCanonicalValues: boolean;
};

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an xsd:dateTime' });

function scalar(def: AttributeDef, mode: ZodMode): z.ZodType {
  switch (def.type) {
    case 'boolean':
      return mode.direction === 'input' ? z.preprocess(coerceBoolean, z.boolean()) : z.boolean();
    case 'integer':
      return z.number().int();
    case 'decimal':
      return z.number();
    case 'dateTime':
      return isoDate;
    default:
      return canonical(def, mode);
  }
}

/** Strict canonical values accept any case and store the canonical spelling. */
function canonical(def: AttributeDef, mode: ZodMode): z.ZodType {
  const values = def.canonicalValues;
  if (!values || !mode.strictCanonicalValues || mode.direction === 'output') return z.string();
  return z.string().transform((s, ctx) => {
    const hit = values.find((v) => v.toLowerCase() === s.toLowerCase());
    if (hit !== undefined) return hit;
    ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(', ')}` });
    return z.NEVER;
  });
}

function complexObject(def: AttributeDef, mode: ZodMode): z.ZodType {
  const subs = def.subAttributes ?? [];
  const shape: Record<string, z.ZodType> = {};
  for (const sub of subs) {
    // readOnly sub-attributes sent by a client are ignored (RFC 7643 §2.2), not refused.
    shape[sub.name] =
      mode.direction === 'input' && sub.mutability === 'readOnly'
        ? z.unknown().optional()
        : scalar(sub, mode).nullish();
  }
  const object = z.strictObject(shape);
  if (mode.direction === 'output') return object;
  return z
    .preprocess((v) => canonicaliseKeys(v, subs), object)
    .transform((o) => {
      const out: Record<string, unknown> = { ...o };
      // `$ref` is rendered from ids on the way out, never stored.
      for (const sub of subs) if (sub.mutability === 'readOnly' || sub.name === '$ref') delete out[sub.name];
      return out;
    });
}

/** The zod type of one attribute value (an array when multi-valued), derived from its definition. */
export function zodForAttribute(def: AttributeDef, mode: ZodMode): z.ZodType {
  const item = def.type === 'complex' ? complexObject(def, mode) : scalar(def, mode);
  const full = def.multiValued ? z.array(item) : item;
  if (mode.direction === 'output' || def.type !== 'complex') return full;
  return z.preprocess((v) => coerceComplexShape(v, def), full);
}
