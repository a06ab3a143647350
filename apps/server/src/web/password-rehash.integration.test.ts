import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWebTestApp } from './testing/web-test-app.ts';

let app: Awaited<ReturnType<typeof createWebTestApp>>;
beforeAll(async () => {
  app = await createWebTestApp();
});
afterAll(() => app.cleanup());

const storedHash = async (orgId: string, id: string) => {
  const doc = await app.models.users.findOne({ _id: id, orgId }, { passwordHash: 1 }).lean<{ passwordHash?: string }>();
  return doc?.passwordHash ?? '';
};

it('rehashes an older scrypt hash with N=2^17 at the next successful sign-in, and sign-in keeps working', async () => {
  const { orgId } = await app.newOrg('Rehash Inc');
  const user = await app.newUser(orgId, 'legacy@rehash.example', {
    password: 'an old but fine password',
    hashParams: { N: 16_384, r: 8, p: 1 },
  });
  expect(await storedHash(orgId, user.id)).toMatch(/^scrypt\$16384\$8\$1\$/);

  expect((await app.signIn({ email: 'legacy@rehash.example', password: 'wrong password here' })).res.status).toBe(401);
  expect(await storedHash(orgId, user.id)).toMatch(/^scrypt\$16384\$8\$1\$/);

  expect((await app.signIn({ email: 'legacy@rehash.example', password: 'an old but fine password' })).res.status).toBe(
    200,
  );
  const upgraded = await storedHash(orgId, user.id);
  expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
  expect((await app.signIn({ email: 'legacy@rehash.example', password: 'an old but fine password' })).res.status).toBe(
    200,
  );
  expect(await storedHash(orgId, user.id)).toBe(upgraded);
});
