/**
 * The typed AST of a SCIM filter (RFC 7644 §3.4.2.2). This is the contract between
 * the parser here and the storage layer that translates it into MongoDB queries.
 */

/** A comparison operator; always lower-case in the AST whatever case the client sent. */
export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** A literal of the filter grammar. DateTimes arrive as strings; the schema decides. */
export type FilterValue = string | number | boolean | null;

/**
 * An attribute path. `uri` is the schema URN when given (or implied for an extension
 * attribute), `attr` the attribute name and `sub` the sub-attribute, both in the
 * canonical case of the schema when the attribute is known (else as written).
 */
export type AttrPath = {
  uri?: string;
  attr: string;
  sub?: string;
};

export type FilterNode =
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and'; left: FilterNode; right: FilterNode }
  | { kind: 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; filter: FilterNode }
  /** `emails[type eq "work" and primary eq true]`: `filter` paths are relative to `path`. */
  | { kind: 'valuePath'; path: AttrPath; filter: FilterNode };
