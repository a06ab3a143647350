import { findAttribute } from '../schema/attribute-def.ts';
import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ResourceSchema } from '../schema/registry.ts';
import { resolveAttribute, splitSchemaUrn } from '../schema/resolve-attribute.ts';
import type { AttrPath, CompareOp, FilterValue } from './ast.ts';
import type { Scanner } from './scanner.ts';

const ATTR_NAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;

/** A path plus, when a registry is known, the definition that types its values. */
export type TypedPath = { path: AttrPath; def?: AttributeDef };

/** Splits `urn:…:attr.sub` into an AttrPath (syntax only). */
export function splitPath(word: string, resource: ResourceSchema | undefined, s: Scanner, at: number): AttrPath {
  const { uri, rest } = resource ? splitSchemaUrn(resource, word) : splitUnknownUrn(word);
  const dot = rest.indexOf('.');
  const attr = dot < 0 ? rest : rest.slice(0, dot);
  const sub = dot < 0 ? undefined : rest.slice(dot + 1);
  if (!ATTR_NAME.test(attr) || (sub !== undefined && !ATTR_NAME.test(sub)))
    throw s.error(`invalid attribute path '${word}'`, at);
  const path: AttrPath = { attr };
  if (uri !== undefined) path.uri = uri;
  if (sub !== undefined) path.sub = sub;
  return path;
}

function splitUnknownUrn(word: string): { uri?: string; rest: string } {
  if (!word.toLowerCase().startsWith('urn:')) return { rest: word };
  const i = word.lastIndexOf(':');
  return { uri: word.slice(0, i), rest: word.slice(i + 1) };
}

/** Resolves a top-level path to the schema's canonical case; unknown → invalidFilter. */
export function typeTopPath(path: AttrPath, resource: ResourceSchema | undefined, s: Scanner, at: number): TypedPath {
  if (!resource) return { path };
  const found = resolveAttribute(resource, path);
  if (!found) throw s.error(`unknown attribute '${printPathText(path)}'`, at);
  const out: AttrPath = { attr: found.def.name };
  if (path.uri !== undefined || found.extension) out.uri = found.schemaUrn;
  if (found.sub) out.sub = found.sub.name;
  return { path: out, def: found.sub ?? found.def };
}

/** Resolves a path inside `attr[...]`, relative to the complex attribute `parent`. */
export function typeRelativePath(path: AttrPath, parent: AttributeDef | undefined, s: Scanner, at: number): TypedPath {
  if (path.uri !== undefined || path.sub !== undefined) throw s.error('expected a sub-attribute name', at);
  if (!parent) return { path };
  const def = findAttribute(parent.subAttributes, path.attr);
  if (!def) throw s.error(`unknown sub-attribute '${path.attr}' of '${parent.name}'`, at);
  return { path: { attr: def.name }, def };
}

/** `members eq "x"` compares the `value` sub-attribute of a complex attribute (RFC 7644 §3.4.2.2). */
export function implicitValue(typed: TypedPath, s: Scanner, at: number): TypedPath {
  const def = typed.def;
  if (!def || def.type !== 'complex' || typed.path.sub !== undefined) return typed;
  const value = findAttribute(def.subAttributes, 'value');
  if (!value) throw s.error(`'${def.name}' is complex: compare one of its sub-attributes`, at);
  return { path: { ...typed.path, sub: value.name }, def: value };
}

const ORDERING: ReadonlySet<CompareOp> = new Set(['gt', 'ge', 'lt', 'le', 'co', 'sw', 'ew']);

/** Types a literal by the attribute's schema type (string booleans, numeric strings, dates). */
export function typeValue(
  def: AttributeDef | undefined,
  op: CompareOp,
  value: FilterValue,
  s: Scanner,
  at: number,
): FilterValue {
  if (value === null) {
    if (ORDERING.has(op)) throw s.error(`'${op}' cannot compare with null`, at);
    return null;
  }
  if (!def) return value;
  const bad = (what: string) => s.error(`${what} for '${def.name}' (${def.type})`, at);
  switch (def.type) {
    case 'boolean': {
      if (op !== 'eq' && op !== 'ne') throw bad(`operator '${op}' is not defined`);
      if (typeof value === 'boolean') return value;
      const lower = String(value).toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      throw bad('expected true or false');
    }
    case 'integer':
    case 'decimal': {
      const n =
        typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n) || (def.type === 'integer' && !Number.isInteger(n))) throw bad('expected a number');
      return n;
    }
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw bad('expected a dateTime string');
      return value;
    case 'complex':
      throw bad('cannot compare a complex attribute');
    default:
      if (typeof value === 'boolean' && ORDERING.has(op)) throw bad(`operator '${op}' is not defined for a boolean`);
      return String(value);
  }
}

export function printPathText(path: AttrPath): string {
  return `${path.uri !== undefined ? `${path.uri}:` : ''}${path.attr}${path.sub !== undefined ? `.${path.sub}` : ''}`;
}
