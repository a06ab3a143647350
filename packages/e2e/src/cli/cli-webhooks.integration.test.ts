import { deriveWebhookSecretKey } from '@provisio/core/webhooks';
import { startTestSmtpServer } from '@provisio/email/testing';
import { scimUser } from '@provisio/server/auth-testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { useCliTestServer } from '../testing/cli-test-server.ts';
import { startTestWorker } from '../testing/test-worker.ts';
import { startWebhookReceiver } from '../testing/webhook-receiver.ts';

const { app, cli } = useCliTestServer();
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let worker: Awaited<ReturnType<typeof startTestWorker>> | undefined;
const WAIT = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  receiver = await startWebhookReceiver();
  worker = await startTestWorker({
    db: app().deps.db,
    queueName: app().deps.queue.name,
    publicUrl: app().deps.publicUrl,
    smtpUrl: smtp.url,
    webhooks: { secretKey: deriveWebhookSecretKey(app().deps.listCursorKey), allowPrivateTargets: true },
  });
});
afterAll(async () => {
  await worker?.stop();
  await receiver.close();
  await smtp.close();
});

type Delivery = { id: string; type: string; kind: string; status: string; responseStatus: number | null };
const json = <T>(run: { code: number; stdout: string; stderr: string }): T => {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

it('webhooks create, list, ping, deliveries, redeliver, rotate-secret and update --enabled off', async () => {
  const org = await app().newOrg();
  const key = org.adminToken;
  const created = await cli(key, ['webhooks', 'create', '--url', receiver.url('/cli'), '--event', 'user.created']);
  expect(created.code, created.stderr).toBe(0);
  const [, secretLine] = created.stdout.split('\n');
  expect(secretLine).toMatch(/^Signing secret \(shown once, store it now\): \S+$/);
  const id = /^Endpoint (\S+)$/m.exec(created.stdout)?.[1] ?? '';
  const secret = secretLine?.split(': ')[1] ?? '';

  expect((await cli(key, ['webhooks', 'list'])).stdout).toBe(`${id}  ${receiver.url('/cli')}  [user.created]  on\n`);

  expect((await cli(key, ['webhooks', 'ping', id])).stdout).toMatch(/^Ping queued as delivery \S+: see pnpm cli/);
  await vi.waitFor(
    () => expect(receiver.verified('/cli', secret)[0]).toMatchObject({ valid: true, event: { type: 'ping' } }),
    WAIT,
  );

  await app()
    .scim('post', '/Users', org.scimToken)
    .send(scimUser(`cli-hook-${org.orgId}@example.com`));
  await vi.waitFor(() => expect(receiver.at('/cli')).toHaveLength(2), WAIT);
  const logged = await vi.waitFor(async () => {
    const items = json<Delivery[]>(await cli(key, ['webhooks', 'deliveries', id, '--json']));
    expect(items.map((d) => [d.kind, d.status])).toEqual([
      ['event', 'succeeded'],
      ['ping', 'succeeded'],
    ]);
    return items;
  }, WAIT);
  const printed = await cli(key, ['webhooks', 'deliveries', id]);
  expect(printed.stdout).toContain(`${logged[0]?.id}  user.created     succeeded 200`);

  const again = await cli(key, ['webhooks', 'redeliver', logged[0]?.id ?? '']);
  expect(again.stdout).toMatch(new RegExp(`^Queued as delivery \\S+: see pnpm cli webhooks deliveries ${id}`));
  await vi.waitFor(() => expect(receiver.at('/cli')).toHaveLength(3), WAIT);
  expect(receiver.verified('/cli', secret)[2]).toEqual({
    valid: true,
    event: receiver.verified('/cli', secret)[1]?.event,
  });

  const rotated = await cli(key, ['webhooks', 'rotate-secret', id, '--overlap-hours', '2']);
  expect(rotated.stdout).toMatch(/Signing secret \(shown once[^\n]+\n[^\n]+\nThe previous secret signs too until 20/);
  const badHours = await cli(key, ['webhooks', 'rotate-secret', id, '--overlap-hours', 'two']);
  expect([badHours.code, badHours.stderr]).toEqual([2, expect.stringMatching(/--overlap-hours takes a whole number/)]);

  const off = await cli(key, ['webhooks', 'update', id, '--enabled', 'off']);
  expect(off.stdout).toBe(`${id}  ${receiver.url('/cli')}  off: turned off by an admin\n`);
  const missing = await cli(key, ['webhooks', 'ping']);
  expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/--id is required/)]);
});
