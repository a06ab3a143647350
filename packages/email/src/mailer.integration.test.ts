import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSmtpMailer, MailRejectedError } from './mailer.ts';
import { inviteEmail } from './templates/invite-email.ts';
import { startTestSmtpServer } from './testing/smtp-capture.ts';

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => {
  smtp = await startTestSmtpServer({ reject: (to) => to.startsWith('bounce') });
});
afterAll(() => smtp.close());

it('sends a text and HTML invite through a real SMTP server', async () => {
  const mailer = createSmtpMailer({ url: smtp.url, from: 'Provisio <no-reply@provisio.test>' });
  const message = inviteEmail({
    to: 'ada@example.com',
    recipientName: 'Ada <script>',
    orgName: 'Acme & Co',
    link: 'http://provisio.test/invite/abc',
    expiresAt: new Date('2026-12-01T00:00:00Z'),
  });
  await mailer.send(message);
  const [mail] = await smtp.waitFor(1);
  expect(mail?.to).toEqual(['ada@example.com']);
  expect(mail?.raw).toContain('text/plain');
  expect(mail?.raw).toContain('text/html');
  expect(mail?.raw).toContain('http://provisio.test/invite/abc');
  expect(mail?.raw).toContain('Ada &lt;script&gt;');
  mailer.close();
});

it('reports a 5xx rejection as permanent', async () => {
  const mailer = createSmtpMailer({ url: smtp.url, from: 'no-reply@provisio.test' });
  await expect(
    mailer.send({ to: 'bounce@example.com', subject: 's', text: 't', html: '<p>t</p>' }),
  ).rejects.toBeInstanceOf(MailRejectedError);
  mailer.close();
});

it('reports a refused connection as transient', async () => {
  const mailer = createSmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'no-reply@provisio.test' });
  const error = await mailer.send({ to: 'a@example.com', subject: 's', text: 't', html: 't' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(MailRejectedError);
  mailer.close();
});
