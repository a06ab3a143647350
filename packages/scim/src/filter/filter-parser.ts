import type { AttributeDef } from '../schema/attribute-def.ts';
import type { ResourceSchema } from '../schema/registry.ts';
import { resolveAttribute } from '../schema/resolve-attribute.ts';
import type { CompareOp, FilterNode } from './ast.ts';
import { readValue } from './read-value.ts';
import { Scanner } from './scanner.ts';
import { implicitValue, splitPath, typeRelativePath, typeTopPath, typeValue } from './typed-path.ts';
import type { TypedPath } from './typed-path.ts';

const COMPARE_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

export type ParserSettings = { resource: ResourceSchema | undefined; maxDepth: number; bareValues: boolean };

/** Inside `attr[...]` paths are relative to `parent`; nested brackets are not in the grammar. */
type Scope = { inBrackets: false } | { inBrackets: true; parent: AttributeDef | undefined };

/**
 * Recursive descent over RFC 7644 §3.4.2.2: or < and < not/parens/attrExp. `and`/`or` chains
 * are loops; only parentheses, `not` and brackets recurse, bounded by `maxDepth`.
 */
export class FilterParser {
  readonly s: Scanner;
  private depth = 0;

  constructor(
    text: string,
    private readonly settings: ParserSettings,
  ) {
    this.s = new Scanner(text);
  }

  parseFilter(): FilterNode {
    const node = this.parseOr({ inBrackets: false });
    this.s.skipWs();
    if (!this.s.atEnd())
      throw this.s.error(this.s.peek() === ')' ? "unbalanced ')'" : "expected 'and', 'or' or the end of the filter");
    return node;
  }

  parseOr(scope: Scope): FilterNode {
    let left = this.parseAnd(scope);
    while (this.peekKeyword('or')) {
      this.s.pos += 2;
      left = { kind: 'or', left, right: this.parseAnd(scope) };
    }
    return left;
  }

  private parseAnd(scope: Scope): FilterNode {
    let left = this.parseUnary(scope);
    while (this.peekKeyword('and')) {
      this.s.pos += 3;
      left = { kind: 'and', left, right: this.parseUnary(scope) };
    }
    return left;
  }

  private peekKeyword(word: string): boolean {
    return this.s.peekWord().toLowerCase() === word;
  }

  private enter(at: number): void {
    if (++this.depth > this.settings.maxDepth) throw this.s.error(`nesting deeper than ${this.settings.maxDepth}`, at);
  }

  private parseUnary(scope: Scope): FilterNode {
    this.s.skipWs();
    const at = this.s.pos;
    if (this.s.eat('(')) return this.group(scope, at, (inner) => inner);
    if (this.peekKeyword('not')) {
      const save = this.s.pos;
      this.s.pos += 3;
      if (this.s.eat('(')) return this.group(scope, at, (filter) => ({ kind: 'not', filter }));
      if (this.settings.resource && !resolveAttribute(this.settings.resource, { attr: 'not' }))
        throw this.s.error("expected '(' after 'not'");
      this.s.pos = save; // an attribute named "not"
    }
    return this.parseAttrExp(scope);
  }

  private group(scope: Scope, at: number, wrap: (n: FilterNode) => FilterNode): FilterNode {
    this.enter(at);
    const inner = this.parseOr(scope);
    this.s.expect(')', "')'");
    this.depth--;
    return wrap(inner);
  }

  private parseAttrExp(scope: Scope): FilterNode {
    this.s.skipWs();
    const at = this.s.pos;
    const word = this.s.readWord();
    if (word === '')
      throw this.s.error(
        this.s.atEnd() ? 'unexpected end of filter: expected an attribute path' : 'expected an attribute path',
      );
    const raw = splitPath(word, this.settings.resource, this.s, at);
    if (scope.inBrackets) return this.parseTest(typeRelativePath(raw, scope.parent, this.s, at));
    const typed = typeTopPath(raw, this.settings.resource, this.s, at);
    if (this.s.peek() !== '[') return this.parseTest(typed);
    return this.parseValuePath(typed, at);
  }

  private parseValuePath(typed: TypedPath, at: number): FilterNode {
    if (typed.path.sub !== undefined || (typed.def && typed.def.type !== 'complex')) {
      throw this.s.error(`'${typed.path.attr}' has no sub-attributes to filter`, at);
    }
    this.enter(this.s.pos);
    this.s.pos++;
    let filter = this.parseOr({ inBrackets: true, parent: typed.def });
    this.s.expect(']', "']'");
    this.depth--;
    // Entra's `emails[type eq "work"].value eq "x"`: the trailing test joins the bracket filter.
    if (this.s.peek() === '.') {
      this.s.pos++;
      const subAt = this.s.pos;
      const sub = this.s.readWord();
      const tail = this.parseTest(typeRelativePath(splitPath(sub, undefined, this.s, subAt), typed.def, this.s, subAt));
      filter = { kind: 'and', left: filter, right: tail };
    }
    return { kind: 'valuePath', path: typed.path, filter };
  }

  private parseTest(typed: TypedPath): FilterNode {
    this.s.skipWs();
    const at = this.s.pos;
    const op = this.s.readWord().toLowerCase();
    if (op === 'pr') return { kind: 'present', path: typed.path };
    if (!COMPARE_OPS.has(op))
      throw this.s.error(
        op === '' && this.s.atEnd()
          ? 'unexpected end of filter: expected a comparison operator'
          : 'expected a comparison operator',
        at,
      );
    const compareOp = op as CompareOp;
    const target = implicitValue(typed, this.s, at);
    this.s.skipWs();
    const valueAt = this.s.pos;
    const value = typeValue(target.def, compareOp, readValue(this.s, this.settings.bareValues), this.s, valueAt);
    return { kind: 'compare', path: target.path, op: compareOp, value };
  }
}
