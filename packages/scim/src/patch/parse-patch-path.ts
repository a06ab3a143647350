import { ScimError, badRequest } from '../errors/scim-error.ts';
import type { FilterNode } from '../filter/ast.ts';
import { FilterParser } from '../filter/filter-parser.ts';
import { splitPath, typeRelativePath, typeTopPath } from '../filter/typed-path.ts';
import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ExtensionBinding, ResourceSchema } from '../schema/registry.ts';
import { findExtension, resolveAttribute } from '../schema/resolve-attribute.ts';
import type { ResolvedAttribute } from '../schema/resolve-attribute.ts';

/** A PATCH target (RFC 7644 §3.5.2 PATH = attrPath / valuePath [subAttr]). */
export type PatchTarget =
  | { kind: 'extension'; binding: ExtensionBinding }
  | { kind: 'attribute'; attr: ResolvedAttribute; filter?: FilterNode; sub?: AttributeDef; text: string };

function parse(text: string, resource: ResourceSchema, maxDepth: number): PatchTarget {
  const ext = findExtension(resource, text.trim());
  if (ext) return { kind: 'extension', binding: ext };
  const p = new FilterParser(text, { resource, maxDepth, bareValues: true });
  const s = p.s;
  s.skipWs();
  const at = s.pos;
  const typed = typeTopPath(splitPath(s.readWord(), resource, s, at), resource, s, at);
  const attr = resolveAttribute(resource, typed.path);
  if (!attr) throw s.error(`unknown attribute`, at);
  const target: PatchTarget = { kind: 'attribute', attr, text };
  if (attr.sub) target.sub = attr.sub;
  if (s.peek() === '[') {
    if (attr.sub || attr.def.type !== 'complex')
      throw s.error(`'${attr.def.name}' has no sub-attributes to filter`, at);
    s.pos++;
    target.filter = p.parseOr({ inBrackets: true, parent: attr.def });
    s.expect(']', "']'");
    if (s.peek() === '.') {
      s.pos++;
      const subAt = s.pos;
      const sub = typeRelativePath(splitPath(s.readWord(), undefined, s, subAt), attr.def, s, subAt);
      if (sub.def) target.sub = sub.def;
    }
  }
  s.skipWs();
  if (!s.atEnd()) throw s.error('unexpected text after the path');
  return target;
}

/** Parses a PATCH `path`; every failure is 400 invalidPath pointing at the character. */
export function parsePatchPath(text: string, resource: ResourceSchema, maxDepth = 10): PatchTarget {
  try {
    return parse(text, resource, maxDepth);
  } catch (err) {
    if (!(err instanceof ScimError)) throw err;
    throw badRequest('invalidPath', err.detail.replace(/^Invalid filter/, `Invalid path '${text}'`));
  }
}
