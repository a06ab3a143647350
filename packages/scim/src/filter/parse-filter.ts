import { badRequest } from '../errors/scim-error.ts';
import type { ResourceTypeName, SchemaRegistry } from '../schema/registry.ts';
import type { FilterNode } from './ast.ts';
import { FilterParser } from './filter-parser.ts';

export type ParseFilterOptions = {
  /** With a registry, names resolve to canonical case, unknown ones are refused, values are typed. */
  registry?: SchemaRegistry;
  /** Resource type the filter applies to; default `User`. */
  resourceType?: ResourceTypeName;
  /** Maximum filter length in characters; default 4096. */
  maxLength?: number;
  /** Maximum nesting of parentheses, `not` and brackets; default 10. */
  maxDepth?: number;
  /** Accept Entra's documented unquoted token (`externalId eq jyoung`); default true. */
  bareValues?: boolean;
};

export const FILTER_DEFAULTS = { maxLength: 4096, maxDepth: 10 } as const;

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) into the AST of ast.ts. Throws a ScimError
 * (400 invalidFilter) whose detail names the character where parsing failed.
 */
export function parseFilter(text: string, options: ParseFilterOptions = {}): FilterNode {
  if (typeof text !== 'string') throw badRequest('invalidFilter', 'Invalid filter: expected a string');
  const maxLength = options.maxLength ?? FILTER_DEFAULTS.maxLength;
  if (text.length > maxLength) throw badRequest('invalidFilter', `Invalid filter: longer than ${maxLength} characters`);
  const resource = options.registry?.resources[options.resourceType ?? 'User'];
  const parser = new FilterParser(text, {
    resource,
    maxDepth: options.maxDepth ?? FILTER_DEFAULTS.maxDepth,
    bareValues: options.bareValues ?? true,
  });
  return parser.parseFilter();
}
