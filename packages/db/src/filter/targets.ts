/** What a filter path points at in storage. The translator only ever uses these keys. */
export type ScalarType = 'string' | 'boolean' | 'dateTime' | 'number';

/** A stored scalar (possibly inside arrays). `caseExact: false` ⇒ the stored value is normalised. */
export type FieldTarget = {
  kind: 'field';
  field: string;
  type: ScalarType;
  caseExact: boolean;
  /** String equality reads this top-level key array instead (`prefix` + normalised value), index-served. */
  equalityKey?: { field: string; prefix: string };
};

/** A value every resource of the type has (`meta.resourceType`). */
export type ConstTarget = { kind: 'const'; value: string; caseExact: boolean };

/** SCIM `active`, derived from `status`. */
export type ActiveTarget = { kind: 'active' };

/** Multi-valued attributes stored as rows elsewhere (group members, a user's groups). */
export type RowsTarget = {
  kind: 'rows';
  /** `members` on groups → `groupId`; `groups` on users → `memberId`. */
  resultKey: 'groupId' | 'memberId';
  /** Row field of each sub-attribute; `undefined` sub is the complex attribute itself. */
  sub: (name: string) => FieldTarget | ConstTarget | undefined;
  subName: string | undefined;
};

/** A complex attribute kept in the document (`name`, `emails`, `enterprise.manager`). */
export type ComplexTarget = {
  kind: 'complex';
  field: string;
  multiValued: boolean;
  sub: (name: string) => FieldTarget | ConstTarget | undefined;
};

export type Target = FieldTarget | ConstTarget | ActiveTarget | RowsTarget | ComplexTarget;

/** Maps an AST path to a target; `undefined` when the attribute is unknown or not filterable. */
export type PathResolver = (path: { uri?: string; attr: string; sub?: string }) => Target | undefined;
