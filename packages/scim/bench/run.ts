/**
 * Micro-benchmark: parse and PATCH throughput for typical Okta and Entra inputs.
 * Run with `pnpm --filter @provisio/scim bench`. Prints a table; not a test.
 */
import { applyGroupPatch, applyUserPatch, createSchemaRegistry, parseFilter } from '../src/index.ts';
import type { UserAttributes } from '../src/index.ts';

const registry = createSchemaRegistry();
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const user: UserAttributes = {
  userName: 'test.user@okta.local',
  name: { givenName: 'Test', familyName: 'User' },
  emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
  displayName: 'Test User',
  externalId: '00ujl29u0le5T6Aj10h7',
  active: true,
};

function measure(fn: () => unknown, minMs = 400): number {
  for (let i = 0; i < 200; i++) fn(); // warm-up
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

const patch = (ops: unknown[]) => ({ schemas: [PATCH_OP], Operations: ops });

const cases: [string, () => unknown][] = [
  ['parse  Okta userName eq', () => parseFilter('userName eq "test.user@okta.local"', { registry })],
  [
    'parse  Entra emails[type eq "work"].value eq',
    () => parseFilter('emails[type eq "work"].value eq "a@contoso.com"', { registry }),
  ],
  [
    'parse  RFC compound (and/or/not/valuePath)',
    () =>
      parseFilter(
        'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") and emails[type eq "work" and primary eq true]',
        { registry },
      ),
  ],
  [
    'PATCH  Okta deactivate (path-less)',
    () => applyUserPatch({ user, patch: patch([{ op: 'replace', value: { active: false } }]), registry }),
  ],
  [
    'PATCH  Entra multi-replace (dotted + URN keys)',
    () =>
      applyUserPatch({
        user,
        registry,
        patch: patch([
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'Kkom.Unua@contoso.com' },
          {
            op: 'replace',
            value: {
              displayName: 'Bjfe',
              'name.givenName': 'Kkom',
              'name.familyName': 'Unua',
              [`${ENT}:employeeNumber`]: 'Aklq',
            },
          },
        ]),
      }),
  ],
  [
    'PATCH  Entra disable "False"',
    () => applyUserPatch({ user, patch: patch([{ op: 'Replace', path: 'active', value: 'False' }]), registry }),
  ],
  [
    'PATCH  Okta group membership remove+add',
    () =>
      applyGroupPatch({
        group: { displayName: 'Test SCIMv2' },
        registry,
        patch: patch([
          { op: 'remove', path: 'members[value eq "89bb1940-b905-4575-9e7f-6f887cfb368e"]' },
          {
            op: 'add',
            path: 'members',
            value: [{ value: '23a35c27-23d3-4c03-b4c5-6443c09e7173', display: 'test.user@okta.local' }],
          },
        ]),
      }),
  ],
  [
    'PATCH  Entra member remove (value array)',
    () =>
      applyGroupPatch({
        group: { displayName: 'G' },
        registry,
        patch: patch([{ op: 'Remove', path: 'members', value: [{ value: 'u1091' }] }]),
      }),
  ],
];

const rows = cases.map(([name, fn]) => ({
  case: name,
  'ops/sec': Math.round(measure(fn)).toLocaleString('en-US'),
  'µs/op': (1e6 / measure(fn, 200)).toFixed(1),
}));
console.log(`Node ${process.version}, ${new Date().toISOString()}`);
console.table(rows);
