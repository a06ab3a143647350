import type { AttributeDef } from '../schema/attribute-def.ts';
import { COMMON_ATTRIBUTES } from '../schema/common-attributes.ts';
import { isPlainObject } from '../schema/coerce-input.ts';
import type { ResourceTypeName, SchemaRegistry } from '../schema/registry.ts';
import { splitList, toSelectors } from './attribute-selectors.ts';
import type { Selector } from './attribute-selectors.ts';
import { copyPath, deletePath } from './paths.ts';

type Wire = Record<string, unknown>;

export type ProjectOptions = {
  registry: SchemaRegistry;
  resourceType: ResourceTypeName;
  /** `attributes` query value or SearchRequest list: only these (plus `returned: always`). */
  attributes?: string | readonly string[];
  /** `excludedAttributes`: everything else (never `id`, `schemas`, `meta.resourceType`). */
  excludedAttributes?: string | readonly string[];
};

/** Every top-level location with a `returned` rule other than `default`. */
function rules(opts: ProjectOptions): { keys: string[]; def: AttributeDef }[] {
  const resource = opts.registry.resources[opts.resourceType];
  const list = [...COMMON_ATTRIBUTES, ...resource.core.attributes].map((def) => ({ keys: [def.name], def }));
  for (const ext of resource.extensions)
    list.push(...ext.schema.attributes.map((def) => ({ keys: [ext.schema.id, def.name], def })));
  return list.flatMap((r) => [r, ...(r.def.subAttributes ?? []).map((s) => ({ keys: [...r.keys, s.name], def: s }))]);
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * RFC 7644 §3.4.2.5 / §3.9 projection of a wire resource, obeying `returned`
 * (always, default, request, never). If both lists are given, `attributes` applies first.
 */
export function project<T extends Wire>(resource: T, opts: ProjectOptions): Wire {
  const schema = opts.registry.resources[opts.resourceType];
  const includeNames = splitList(opts.attributes);
  const include = toSelectors(includeNames, schema);
  const exclude = toSelectors(splitList(opts.excludedAttributes), schema);
  const byRule = rules(opts);
  let out: Wire;
  if (includeNames.length > 0) {
    out = {};
    const always = byRule.filter((r) => r.def.returned === 'always').map((r): Selector => ({ keys: r.keys }));
    for (const sel of [...always, ...include]) copyPath(resource, out, sel.keys);
  } else {
    out = structuredClone(resource);
    for (const r of byRule) if (r.def.returned === 'request') deletePath(out, r.keys);
  }
  for (const sel of exclude) {
    const rule = byRule.find((r) => same(r.keys, sel.keys));
    if (rule?.def.returned !== 'always') deletePath(out, sel.keys);
  }
  for (const r of byRule) if (r.def.returned === 'never') deletePath(out, r.keys);
  return finish(
    resource,
    out,
    schema.extensions.map((e) => e.schema.id),
  );
}

/** `id`, `schemas` and `meta.resourceType` always; `schemas` lists only extensions still present. */
function finish(resource: Wire, out: Wire, extensionUrns: readonly string[]): Wire {
  const meta = resource['meta'];
  const result: Wire = { schemas: resource['schemas'], id: resource['id'], ...out };
  if (isPlainObject(meta) && meta['resourceType'] !== undefined) {
    result['meta'] = { ...(isPlainObject(out['meta']) ? out['meta'] : {}), resourceType: meta['resourceType'] };
  }
  if (Array.isArray(result['schemas'])) {
    result['schemas'] = result['schemas'].filter(
      (urn: unknown) => typeof urn !== 'string' || !extensionUrns.includes(urn) || result[urn] !== undefined,
    );
  }
  if (result['id'] === undefined) delete result['id'];
  if (result['schemas'] === undefined) delete result['schemas'];
  return result;
}
