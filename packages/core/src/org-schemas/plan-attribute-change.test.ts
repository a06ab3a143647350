import { describe, expect, it } from 'vitest';
import { OrgAttributeSchema } from './org-schema-definition.ts';
import type { OrgAttributeInput } from './org-schema-definition.ts';
import { planAttributeChange } from './plan-attribute-change.ts';

const a = (input: OrgAttributeInput) => OrgAttributeSchema.parse(input);
const costCode = a({ name: 'costCode', type: 'string' });
const badge = a({ name: 'badge', type: 'integer' });
const start = {
  attributes: [costCode, badge],
  hiddenAttributes: [],
  purgedAttributeNames: [],
};

describe('planAttributeChange', () => {
  it('hides an attribute left out, and shows it again when added back unchanged', () => {
    const hidden = planAttributeChange(start, [costCode]);
    expect(hidden.attributes.map((x) => x.name)).toEqual(['costCode']);
    expect(hidden.hiddenAttributes.map((x) => x.name)).toEqual(['badge']);
    const back = planAttributeChange(hidden, start.attributes);
    expect(back.hiddenAttributes).toEqual([]);
  });

  it('refuses a change of type, multiValued or caseExact of a name with stored values (hidden ones too)', () => {
    expect(() => planAttributeChange(start, [a({ name: 'badge', type: 'string' })])).toThrow(/integer/);
    const hidden = planAttributeChange(start, [costCode]);
    expect(() => planAttributeChange(hidden, [a({ name: 'badge', type: 'integer', multiValued: true })])).toThrow(
      /integer\[\]/,
    );
    expect(() => planAttributeChange(start, [a({ name: 'COSTCODE', type: 'string', caseExact: true })])).toThrow(
      /caseExact/,
    );
    expect(() => planAttributeChange(start, [a({ name: 'costCode', type: 'string', uniqueness: 'server' })])).toThrow(
      /repeat/,
    );
  });

  it('deletes with data on request, and never lets the name come back', () => {
    const purged = planAttributeChange(start, [costCode], ['badge']);
    expect(purged.hiddenAttributes).toEqual([]);
    expect(purged.purgedAttributeNames).toEqual(['badge']);
    expect(() => planAttributeChange(purged, start.attributes)).toThrow(/cannot be used again/);
    expect(() => planAttributeChange(start, start.attributes, ['nope'])).toThrow(/nothing to delete/);
    expect(() => planAttributeChange(start, start.attributes, ['badge'])).toThrow(/both kept and deleted/);
  });

  it('lets descriptions, canonical values and returned change', () => {
    const next = planAttributeChange(start, [
      a({ name: 'costCode', type: 'string', canonicalValues: ['A'], returned: 'request' }),
      badge,
    ]);
    expect(next.attributes[0]).toMatchObject({ canonicalValues: ['A'], returned: 'request' });
  });
});
