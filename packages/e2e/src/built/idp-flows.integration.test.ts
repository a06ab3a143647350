import { randomBytes, randomUUID } from 'node:crypto';
import { createProvisioClient } from '@provisio/client';
import { startTestSmtpServer } from '@provisio/email/testing';
import { idpFixtures, replayStep } from '@provisio/server/scim-replay';
import type { ScimRequester } from '@provisio/server/scim-replay';
import { MongoClient } from 'mongodb';
import request from 'supertest';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startServerProcess, startWorkerProcess } from '../processes.ts';

// The recorded Okta and Entra sequences, replayed on what ships: the built server and worker
// (`pnpm start`), with real hashed keys made by the platform API instead of the test resolver.
const adminToken = randomBytes(32).toString('base64url');
const dbName = `test_built_idp_${randomUUID().replaceAll('-', '')}`;
const mongoUri = new URL(process.env['MONGODB_URI'] ?? '');
mongoUri.pathname = `/${dbName}`;
const env = {
  MONGODB_URI: mongoUri.toString(),
  REDIS_URL: process.env['REDIS_URL'] ?? '',
  QUEUE_NAME: `test-built-idp-${randomUUID()}`,
  // The fixtures expect the public URL the in-process tests use in `meta.location`.
  PUBLIC_URL: 'http://provisio.test',
  ...(process.env['FERRETDB_POSTGRES_URL'] ? { FERRETDB_POSTGRES_URL: process.env['FERRETDB_POSTGRES_URL'] } : {}),
};

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startServerProcess({ ...env, PROVISIO_ADMIN_TOKEN: adminToken });
  worker = await startWorkerProcess({ ...env, SMTP_URL: smtp.url });
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.kill('SIGTERM'), worker?.kill('SIGTERM')]);
  await smtp?.close();
  const mongo = await MongoClient.connect(mongoUri.toString());
  await mongo.db(dbName).dropDatabase();
  await mongo.close();
});

/** Two fresh orgs on the built server, each with the SCIM key the platform API returns once. */
async function builtRequester(): Promise<ScimRequester> {
  const platform = createProvisioClient({ url: `${server.baseUrl}/trpc`, token: adminToken });
  const [a, b] = await Promise.all(
    ['A', 'B'].map((side) =>
      platform.platform.createOrg.mutate({ name: `Org ${side} ${randomUUID()}`, plan: 'enterprise' }),
    ),
  );
  const tokens: Record<string, string | undefined> = { orgA: a?.scim.token, orgB: b?.scim.token, platform: adminToken };
  return {
    scim(method, path, token = 'orgA') {
      const req = request(server.baseUrl)[method](`/scim/v2${path}`);
      if (token === null) return req;
      const secret = tokens[token];
      if (!secret) throw new Error(`the built replay has no "${token}" token`);
      return req.set('Authorization', `Bearer ${secret}`);
    },
  };
}

describe.each(idpFixtures)('built apps: $name ($source)', (fixture) => {
  let app: ScimRequester;
  const vars: Record<string, unknown> = {};
  beforeAll(async () => {
    app = await builtRequester();
  });

  it.each(fixture.steps)('$name', async (step) => {
    await replayStep(app, step, vars);
  });
});
