import { badRequest } from '../errors/scim-error.ts';
import type { AttrPath, FilterNode } from '../filter/ast.ts';
import { parseFilter } from '../filter/parse-filter.ts';
import type { ParseFilterOptions } from '../filter/parse-filter.ts';
import { splitPath, typeTopPath } from '../filter/typed-path.ts';
import { Scanner } from '../filter/scanner.ts';
import { REQUEST_LIMITS } from '../limits.ts';
import { splitList } from '../projection/attribute-selectors.ts';
import type { ResourceTypeName, SchemaRegistry } from '../schema/registry.ts';

/** A list request (GET query or POST .search body), normalised. */
export type ListQuery = {
  filter?: FilterNode;
  /** 1-based; values below 1 read as 1 (RFC 7644 §3.4.2.4). */
  startIndex: number;
  /** 0 means "totals only" (IdPs send count=0). */
  count: number;
  sortBy?: AttrPath;
  sortOrder?: 'ascending' | 'descending';
  attributes: string[];
  excludedAttributes: string[];
  /** RFC 9865 cursor, as sent ('' asks for the first page). */
  cursor?: string;
};

export type ListQueryOptions = {
  registry: SchemaRegistry;
  resourceType: ResourceTypeName;
  /** Default 100. */
  defaultCount?: number;
  /** Larger counts are clamped to this; default 1000. */
  maxCount?: number;
  filter?: Pick<ParseFilterOptions, 'maxLength' | 'maxDepth' | 'bareValues'>;
};

export type RawListParams = {
  filter?: unknown;
  startIndex?: unknown;
  count?: unknown;
  sortBy?: unknown;
  sortOrder?: unknown;
  attributes?: unknown;
  excludedAttributes?: unknown;
  cursor?: unknown;
};

/** Accepts numbers and numeric strings (Okta sends `"count": "100"`). */
function toInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw badRequest('invalidValue', `'${name}' must be an integer`);
  return n;
}

function toStringParam(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest('invalidValue', `'${name}' must be a string`);
  return value;
}

/** An `attributes`/`excludedAttributes` value as names; more than 100 → 400 `tooMany`. */
function toNames(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  const isNames = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
  if (!isNames) throw badRequest('invalidValue', `'${name}' must be a comma-separated string or a list of strings`);
  const names = splitList(value);
  if (names.length > REQUEST_LIMITS.selectedAttributes) {
    throw badRequest(
      'tooMany',
      `'${name}' names ${names.length} attributes; at most ${REQUEST_LIMITS.selectedAttributes} are allowed: name each attribute once, or select a parent attribute instead of its sub-attributes`,
    );
  }
  return names;
}

/** Shared normalisation for the GET and POST forms. */
export function normaliseListParams(raw: RawListParams, opts: ListQueryOptions): ListQuery {
  const maxCount = opts.maxCount ?? 1000;
  const count = toInt(raw.count, 'count') ?? opts.defaultCount ?? 100;
  const query: ListQuery = {
    startIndex: Math.max(1, toInt(raw.startIndex, 'startIndex') ?? 1),
    count: Math.min(Math.max(0, count), maxCount),
    attributes: toNames(raw.attributes, 'attributes'),
    excludedAttributes: toNames(raw.excludedAttributes, 'excludedAttributes'),
  };
  const filter = toStringParam(raw.filter, 'filter');
  if (filter !== undefined && filter.trim() !== '') {
    query.filter = parseFilter(filter, { ...opts.filter, registry: opts.registry, resourceType: opts.resourceType });
  }
  const sortBy = toStringParam(raw.sortBy, 'sortBy');
  if (sortBy !== undefined && sortBy.trim() !== '') query.sortBy = parseSortBy(sortBy.trim(), opts);
  const sortOrder = toStringParam(raw.sortOrder, 'sortOrder')?.toLowerCase();
  if (sortOrder !== undefined && sortOrder !== 'ascending' && sortOrder !== 'descending') {
    throw badRequest('invalidValue', "'sortOrder' must be ascending or descending");
  }
  if (sortOrder !== undefined) query.sortOrder = sortOrder;
  else if (query.sortBy) query.sortOrder = 'ascending';
  const cursor = toStringParam(raw.cursor, 'cursor');
  if (cursor !== undefined) query.cursor = cursor;
  return query;
}

function parseSortBy(text: string, opts: ListQueryOptions): AttrPath {
  const s = new Scanner(text);
  const resource = opts.registry.resources[opts.resourceType];
  try {
    const typed = typeTopPath(splitPath(s.readWord(), resource, s, 0), resource, s, 0);
    if (!s.atEnd()) throw s.error('unexpected text');
    return typed.path;
  } catch {
    throw badRequest('invalidValue', `'sortBy' is not a known attribute: '${text}'`);
  }
}
