import { createCaller, createInnerContext } from '@provisio/api';
import { openDb } from '@provisio/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../create-server.ts';
import { createScimTestApp, SCIM_BASE } from './testing/scim-test-app.ts';
import type { ScimTestApp } from './testing/scim-test-app.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const EXT = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';

let t: ScimTestApp;
const admin = () =>
  createCaller(
    createInnerContext({
      db: t.deps.db,
      logger: t.deps.logger,
      clock: t.deps.clock,
      publicUrl: t.deps.publicUrl,
      listCursorKey: t.deps.listCursorKey,
      auth: { kind: 'org', orgId: t.orgA, scopes: ['admin'] },
    }),
  );
let schemaId: string;

const ATTRIBUTES = [
  { name: 'costCode', type: 'string' as const },
  { name: 'badge', type: 'integer' as const },
  { name: 'ticket', type: 'string' as const, caseExact: true },
  { name: 'site', type: 'complex' as const, subAttributes: [{ name: 'code', type: 'string' as const }] },
];

beforeAll(async () => {
  t = await createScimTestApp();
  const schema = await admin().orgSchemas.register({ urn: EXT, name: 'Acme', attributes: ATTRIBUTES });
  schemaId = schema.id;
});
afterAll(() => t.cleanup());

const patch = (id: string, ops: unknown[], token: 'orgA' | 'orgB' = 'orgA') =>
  t.scim('patch', `/Users/${id}`, token).send({ schemas: [PATCH], Operations: ops });
const create = async (userName: string, ext?: Record<string, unknown>) => {
  const res = await t
    .scim('post', '/Users')
    .send({ schemas: ext ? [USER, EXT] : [USER], userName, ...(ext ? { [EXT]: ext } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string } & Record<string, unknown>;
};
const extOf = async (id: string) =>
  (await t.scim('get', `/Users/${id}`)).body[EXT] as Record<string, unknown> | undefined;

describe('discovery', () => {
  it('publishes the extension in the org’s /Schemas and /ResourceTypes, and nowhere else', async () => {
    const schemas = await t.scim('get', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toContain(EXT);
    const one = await t.scim('get', `/Schemas/${EXT}`);
    expect(one.status).toBe(200);
    expect(one.body.attributes.map((a: { name: string }) => a.name)).toEqual(['costCode', 'badge', 'ticket', 'site']);
    expect(one.body.attributes[0]).toMatchObject({ type: 'string', multiValued: false, caseExact: false });
    const user = await t.scim('get', '/ResourceTypes/User');
    expect(user.body.schemaExtensions).toContainEqual({ schema: EXT, required: false });

    const other = await t.scim('get', '/Schemas', 'orgB');
    expect(other.body.Resources.map((s: { id: string }) => s.id)).not.toContain(EXT);
    expect((await t.scim('get', `/Schemas/${EXT}`, 'orgB')).status).toBe(404);
    const otherUser = await t.scim('get', '/ResourceTypes/User', 'orgB');
    expect(otherUser.body.schemaExtensions).not.toContainEqual(expect.objectContaining({ schema: EXT }));
  });
});

describe('writes', () => {
  it('POST and PUT carry the extension object under its URN; GET returns it', async () => {
    const u = await create('post@a.example', { costCode: 'CC-1', badge: 7, site: { code: 'PAR' } });
    expect(u[EXT]).toEqual({ costCode: 'CC-1', badge: 7, site: { code: 'PAR' } });
    expect(u['schemas']).toEqual([USER, EXT]);
    const put = await t
      .scim('put', `/Users/${u.id}`)
      .send({ schemas: [USER, EXT], userName: 'post@a.example', [EXT]: { costCode: 'CC-2' } });
    expect(put.status).toBe(200);
    expect(await extOf(u.id)).toEqual({ costCode: 'CC-2' });
  });

  it('refuses values of the wrong type with invalidValue, naming the attribute', async () => {
    const res = await t
      .scim('post', '/Users')
      .send({ schemas: [USER, EXT], userName: 'bad@a.example', [EXT]: { badge: 'seven' } });
    expect(res.status).toBe(400);
    expect(res.body.scimType).toMatch(/invalidValue|invalidSyntax/);
    expect(res.body.detail).toContain('badge');
  });

  it.each([
    [
      'Okta: replace with a URN-qualified path',
      [{ op: 'replace', path: `${EXT}:costCode`, value: 'OK-1' }],
      { costCode: 'OK-1' },
    ],
    [
      'Okta: path-less, extension object under its URN',
      [{ op: 'replace', value: { [EXT]: { costCode: 'OK-2' } } }],
      { costCode: 'OK-2' },
    ],
    [
      'Entra: Add with a URN-qualified path',
      [{ op: 'Add', path: `${EXT}:costCode`, value: 'EN-1' }],
      { costCode: 'EN-1' },
    ],
    [
      'Entra: path-less Replace with URN-qualified keys',
      [{ op: 'Replace', value: { [`${EXT}:costCode`]: 'EN-2', [`${EXT}:badge`]: 9 } }],
      { costCode: 'EN-2', badge: 9 },
    ],
    ['dotted complex path', [{ op: 'replace', path: `${EXT}:site.code`, value: 'LYS' }], { site: { code: 'LYS' } }],
    [
      'path-less dotted complex key',
      [{ op: 'replace', value: { [`${EXT}:site.code`]: 'NCE' } }],
      { site: { code: 'NCE' } },
    ],
    [
      'unqualified path (names are unique in the org)',
      [{ op: 'replace', path: 'costCode', value: 'UQ' }],
      { costCode: 'UQ' },
    ],
  ])('PATCH %s', async (_, ops, expected) => {
    const u = await create(`patch-${Math.random()}@a.example`);
    const res = await patch(u.id, ops);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body[EXT]).toEqual(expected);
    expect(await extOf(u.id)).toEqual(expected);
  });

  it('PATCH remove with a URN path removes the value', async () => {
    const u = await create('remove@a.example', { costCode: 'R', badge: 1 });
    const res = await patch(u.id, [{ op: 'remove', path: `${EXT}:costCode` }]);
    expect(res.status).toBe(200);
    expect(await extOf(u.id)).toEqual({ badge: 1 });
  });
});

describe('filters and projection', () => {
  let target: string;
  beforeAll(async () => {
    target = (await create('filter@a.example', { costCode: 'Finance-7', ticket: 'T-Up' })).id;
    await create('other@a.example', { costCode: 'Sales-1', ticket: 't-up' });
  });
  const ids = async (filter: string, token: 'orgA' | 'orgB' = 'orgA') => {
    const res = await t.scim('get', `/Users?filter=${encodeURIComponent(filter)}`, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.Resources.map((r: { id: string }) => r.id) as string[];
  };

  it('filters on a URN-qualified or unqualified extension attribute, case-insensitively unless caseExact', async () => {
    expect(await ids(`${EXT}:costCode eq "finance-7"`)).toEqual([target]);
    expect(await ids('costCode eq "FINANCE-7"')).toEqual([target]);
    expect(await ids(`${EXT}:ticket eq "T-Up"`)).toEqual([target]);
    expect(await ids(`${EXT}:costCode sw "fin" and ${EXT}:ticket eq "T-Up"`)).toEqual([target]);
    expect(await ids(`${EXT}:costCode eq "nobody"`)).toEqual([]);
    const search = await t.scim('post', '/Users/.search').send({ filter: `${EXT}:costCode eq "Finance-7"` });
    expect(search.body.Resources.map((r: { id: string }) => r.id)).toEqual([target]);
  });

  it('projects with attributes and excludedAttributes', async () => {
    const only = await t.scim('get', `/Users/${target}?attributes=${EXT}:costCode`);
    expect(only.body[EXT]).toEqual({ costCode: 'Finance-7' });
    expect(only.body['userName']).toBeUndefined();
    const whole = await t.scim('get', `/Users/${target}?attributes=${EXT}`);
    expect(whole.body[EXT]).toEqual({ costCode: 'Finance-7', ticket: 'T-Up' });
    const without = await t.scim('get', `/Users/${target}?excludedAttributes=${EXT}:ticket`);
    expect(without.body[EXT]).toEqual({ costCode: 'Finance-7' });
    expect(without.body['userName']).toBe('filter@a.example');
    const list = await t.scim(
      'get',
      `/Users?filter=${encodeURIComponent('costCode eq "finance-7"')}&excludedAttributes=${EXT}`,
    );
    expect(list.body.Resources[0][EXT]).toBeUndefined();
  });
});

describe('another org', () => {
  it('cannot write, filter on or project the extension', async () => {
    const post = await t
      .scim('post', '/Users', 'orgB')
      .send({ schemas: [USER, EXT], userName: 'b@b.example', [EXT]: { costCode: 'X' } });
    expect(post.status).toBe(400);
    expect(post.body.scimType).toBe('invalidSyntax');
    const b = await t.scim('post', '/Users', 'orgB').send({ schemas: [USER], userName: 'b2@b.example' });
    const withPath = await patch(b.body.id, [{ op: 'add', path: `${EXT}:costCode`, value: 'X' }], 'orgB');
    expect([withPath.status, withPath.body.scimType]).toEqual([400, 'invalidPath']);
    const filter = await t.scim('get', `/Users?filter=${encodeURIComponent(`${EXT}:costCode eq "x"`)}`, 'orgB');
    expect([filter.status, filter.body.scimType]).toEqual([400, 'invalidFilter']);
  });
});

describe('schema changes', () => {
  it('hiding an attribute keeps its values through PUT and PATCH; adding it back shows them again', async () => {
    const u = await create('hide@a.example', { costCode: 'H', badge: 42 });
    const visible = ATTRIBUTES.filter((a) => a.name !== 'badge');
    await admin().orgSchemas.change({ id: schemaId, attributes: visible });
    expect(await extOf(u.id)).toEqual({ costCode: 'H' });
    const hiddenPatch = await patch(u.id, [{ op: 'replace', path: `${EXT}:badge`, value: 1 }]);
    expect([hiddenPatch.status, hiddenPatch.body.scimType]).toEqual([400, 'invalidPath']);
    await t
      .scim('put', `/Users/${u.id}`)
      .send({ schemas: [USER], userName: 'hide@a.example' })
      .expect(200);
    await patch(u.id, [{ op: 'replace', value: { [EXT]: { costCode: 'H2' } } }]).expect(200);
    await admin().orgSchemas.change({ id: schemaId, attributes: ATTRIBUTES });
    expect(await extOf(u.id)).toEqual({ costCode: 'H2', badge: 42 });
  });

  it('deleting an attribute with its data: gone from answers and storage, and its name cannot return', async () => {
    const u = await create('purge@a.example', { costCode: 'P', ticket: 'secret' });
    const idle = await create('purge-idle@a.example', { costCode: 'I', ticket: 'idle-secret' });
    const visible = ATTRIBUTES.filter((a) => a.name !== 'ticket');
    await admin().orgSchemas.change({ id: schemaId, attributes: visible, deleteData: ['ticket'] });
    expect(await extOf(u.id)).toEqual({ costCode: 'P' });
    await expect(admin().orgSchemas.change({ id: schemaId, attributes: ATTRIBUTES })).rejects.toThrow(
      /cannot be used again/,
    );
    await patch(u.id, [{ op: 'replace', path: 'costCode', value: 'P2' }]).expect(200);
    const stored = await t.models.users.findById(u.id).lean();
    expect(JSON.stringify(stored)).not.toContain('secret');
    // A user nobody writes loses it to the worker's purge (run here without its one-minute wait).
    expect(JSON.stringify(await t.models.users.findById(idle.id).lean())).toContain('idle-secret');
    await t.deps.db.runSchemaPurges(new Date(), { delayMs: 0 });
    const idleStored = await t.models.users.findById(idle.id).lean();
    expect(JSON.stringify(idleStored)).not.toContain('secret');
    expect(Object.values(idleStored?.attributes.extensions ?? {})).toEqual([{ costCode: 'I' }]);
  });
});

describe('restart', () => {
  it('a new server on a new connection to the same database serves the schema and the values', async () => {
    const u = await create('restart@a.example', { costCode: 'R-1' });
    const { db } = await openDb({ uri: process.env['MONGODB_URI'] ?? '', dbName: t.deps.db.connection.name });
    try {
      const fresh = request(createServer({ ...t.deps, db }).app);
      const get = await fresh.get(`${SCIM_BASE}/Users/${u.id}`).set('Authorization', 'Bearer orgA');
      expect(get.body[EXT]).toEqual({ costCode: 'R-1' });
      const filtered = await fresh
        .get(`${SCIM_BASE}/Users?filter=${encodeURIComponent(`${EXT}:costCode eq "r-1"`)}`)
        .set('Authorization', 'Bearer orgA');
      expect(filtered.body.Resources.map((r: { id: string }) => r.id)).toEqual([u.id]);
    } finally {
      await db.close();
    }
  });
});

describe('retire', () => {
  it('leaves /Schemas, refuses writes naming it, keeps the values stored', async () => {
    const u = await create('retire@a.example', { costCode: 'KEEP' });
    await admin().orgSchemas.retire({ id: schemaId });
    expect((await t.scim('get', `/Schemas/${EXT}`)).status).toBe(404);
    expect(await extOf(u.id)).toBeUndefined();
    const write = await patch(u.id, [{ op: 'add', path: `${EXT}:costCode`, value: 'X' }]);
    expect(write.status).toBe(400);
    const stored = await t.models.users.findById(u.id).lean();
    expect(JSON.stringify(stored?.attributes)).toContain('KEEP');
  });

  it('deleteData on a retired schema erases its values from storage', async () => {
    const retired = await admin().orgSchemas.retire({ id: schemaId, deleteData: true });
    expect(retired.purgedAttributeNames).toEqual(expect.arrayContaining(['costCode', 'badge', 'site']));
    await t.deps.db.runSchemaPurges(new Date(), { delayMs: 0 });
    const holders = (await t.models.users.find({ orgId: t.orgA }).lean()).filter((s) => s.attributes.extensions);
    expect(holders.map((s) => s.attributes.userName)).toEqual([]);
  });
});
