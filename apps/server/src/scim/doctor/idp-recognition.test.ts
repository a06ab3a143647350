import { describe, expect, it } from 'vitest';
import entraFlag from '../fixtures/entra-groups-and-flag.fixtures.json' with { type: 'json' };
import entraUsers from '../fixtures/entra-users.fixtures.json' with { type: 'json' };
import oktaSequences from '../fixtures/okta-sequences.fixtures.json' with { type: 'json' };
import oktaSpec from '../fixtures/okta-spec-test.fixtures.json' with { type: 'json' };
import type { Fixture } from '../testing/replay-fixture.ts';
import { hintsOfSteps, signalsOfSteps } from './fixture-signals.ts';

const OKTA_UA = 'Okta SCIM Client 1.0.0';
const fixture = (list: unknown, name: string) => {
  const found = (list as Fixture[]).find((f) => f.name.startsWith(name));
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
};
const codes = (hints: { code: string }[]) => hints.map((h) => h.code);

describe('IdP recognition from recorded requests', () => {
  const variants = fixture(entraFlag, 'Entra: the aadOptscim062020');
  const withoutFlag = variants.steps.filter((s) => !s.name.startsWith('with flag'));
  const withFlag = variants.steps.filter((s) => !s.name.startsWith('without flag'));

  it("Entra without the flag: its pre-2020 forms are seen, and recognised as Entra's", () => {
    const { shapes, idps } = signalsOfSteps(withoutFlag);
    expect(shapes).toMatchObject({
      'string-boolean': expect.any(Number),
      'capitalised-op': expect.any(Number),
      'member-remove-by-value': 1,
    });
    expect(idps.entra).toBeGreaterThan(0);
    expect(idps.okta).toBeUndefined();
    expect(codes(hintsOfSteps(withoutFlag, { idp: 'entra' }))).toEqual(['entra-without-flag']);
  });

  it('Entra with the flag: standard forms, still recognised (dotted keys in a path-less replace), no hint', () => {
    const { shapes, idps } = signalsOfSteps(withFlag);
    expect(shapes['capitalised-op']).toBeUndefined();
    expect(shapes['string-boolean']).toBeUndefined();
    expect(shapes['entra-form']).toBeGreaterThan(0);
    expect(idps.entra).toBeGreaterThan(0);
    expect(hintsOfSteps(withFlag, { idp: 'entra' })).toEqual([]);
  });

  it("Entra's tutorial sequence (no flag) gets the flag hint", () => {
    expect(codes(hintsOfSteps(fixture(entraUsers, 'Entra: Test Connection').steps, { idp: 'entra' }))).toEqual([
      'entra-without-flag',
    ]);
  });

  it('Okta names itself; an org that uses groups gets the Push Groups hint until Okta pushes one', () => {
    const assign = fixture(oktaSequences, 'Okta: assign user').steps;
    expect(signalsOfSteps(assign, OKTA_UA).idps).toEqual({ okta: assign.length });
    expect(codes(hintsOfSteps(assign, { idp: 'okta', orgUsesGroups: true, userAgent: OKTA_UA }))).toEqual([
      'okta-groups-not-pushed',
    ]);
    expect(hintsOfSteps(assign, { idp: 'okta', orgUsesGroups: false, userAgent: OKTA_UA })).toEqual([]);
    const push = fixture(oktaSequences, 'Okta: Group Push').steps;
    expect(hintsOfSteps([...assign, ...push], { idp: 'okta', orgUsesGroups: true, userAgent: OKTA_UA })).toEqual([]);
  });

  it("one 409 of Okta's own duplicate check is no hint; repeated ones are", () => {
    const spec = fixture(oktaSpec, 'Okta SCIM 2.0 SPEC').steps;
    expect(signalsOfSteps(spec).shapes['username-conflict']).toBe(1);
    expect(hintsOfSteps(spec, { idp: 'okta' })).toEqual([]);
    const duplicate = spec.filter((s) => s.expect.status === 409);
    expect(codes(hintsOfSteps([...duplicate, ...duplicate, ...duplicate], { idp: 'okta' }))).toEqual([
      'username-collisions',
    ]);
  });
});
