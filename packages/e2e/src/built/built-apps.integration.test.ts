import { randomBytes } from 'node:crypto';
import { createProvisioClient } from '@provisio/client';
import { inviteLinksIn, startTestSmtpServer } from '@provisio/email/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { builtAppEnv, startServerProcess, startWorkerProcess } from '../processes.ts';

// What ships: the server and the worker as `pnpm start` runs them (plain node on dist/, no tsx),
// as separate processes on the test services, driven only over HTTP and SMTP.
const adminToken = randomBytes(32).toString('base64url');
const target = builtAppEnv('built');
const env = target.env;

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startServerProcess({ ...env, PROVISIO_ADMIN_TOKEN: adminToken });
  worker = await startWorkerProcess({ ...env, SMTP_URL: smtp.url, PUBLIC_URL: server.baseUrl });
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.kill('SIGTERM'), worker?.kill('SIGTERM')]);
  await smtp?.close();
  await target.drop();
});

it('provisions a user end to end: platform org over tRPC, SCIM create, invite mailed by the worker, accepted', async () => {
  const platform = createProvisioClient({ url: `${server.baseUrl}/trpc`, token: adminToken });
  const { scim } = await platform.platform.createOrg.mutate({ name: 'Built Org', plan: 'enterprise' });
  expect(scim.baseUrl).toBe(`${server.baseUrl}/scim/v2`);

  const created = await fetch(`${scim.baseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${scim.token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'grace@example.com',
      name: { givenName: 'Grace', familyName: 'Hopper' },
      emails: [{ primary: true, value: 'grace@example.com', type: 'work' }],
      active: true,
    }),
  });
  expect(created.status).toBe(201);

  const [mail] = await smtp.until((mails) => mails.some((m) => m.to.includes('grace@example.com')));
  const [link] = inviteLinksIn(mail?.raw ?? '');
  expect(link).toMatch(new RegExp(`^${server.baseUrl}/invite/`));
  // The job completes once the worker has marked the invite sent (the mail can arrive first).
  await vi.waitFor(
    async () =>
      expect(await (await fetch(worker.metricsUrl)).text()).toMatch(/jobs_processed_total\{name="invite.send"\} 1/),
    { timeout: 20_000, interval: 50 },
  );
  const password = 'built-Password-4kQ9';
  const accepted = await fetch(link ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ password, confirm: password }),
  });
  expect(accepted.status).toBe(200);
  expect(await (await fetch(server.metricsUrl)).text()).toMatch(
    /http_requests_total\{method="POST",route="\/scim\/v2[^"]*",status="201"\} 1/,
  );
});

it('serves the web app built into the server bundle', async () => {
  const res = await fetch(`${server.baseUrl}/users`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/<script type="module"[^>]+src="\/assets\//);
});

it('answers /healthz and drains on SIGTERM, exiting 0', async () => {
  expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  expect(await server.kill('SIGTERM')).toBe(0);
  expect(await worker.kill('SIGTERM')).toBe(0);
});
