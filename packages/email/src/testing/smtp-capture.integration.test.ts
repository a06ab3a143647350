import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createSmtpMailer } from '../mailer.ts';
import { startTestSmtpServer } from './smtp-capture.ts';

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp.close());

/** A client that opens a transaction (MAIL FROM accepted) and then dies, as a SIGKILLed worker does. */
async function dieMidTransaction(url: string) {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  const replies: string[] = [];
  const next = () => new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
  replies.push(await next());
  socket.write('EHLO dying.test\r\n');
  replies.push(await next());
  socket.write('MAIL FROM:<no-reply@provisio.test>\r\n');
  replies.push(await next());
  socket.resetAndDestroy(); // RST, not FIN: the server reads ECONNRESET
  return replies;
}

it('records a client that resets mid-transaction instead of throwing, and keeps receiving mail', async () => {
  const replies = await dieMidTransaction(smtp.url);
  expect(replies.at(-1)).toMatch(/^250/);
  await vi.waitFor(() => expect(smtp.aborted.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ECONNRESET']));

  const mailer = createSmtpMailer({ url: smtp.url, from: 'no-reply@provisio.test' });
  await mailer.send({ to: 'after@example.com', subject: 's', text: 't', html: '<p>t</p>' });
  mailer.close();
  expect((await smtp.waitFor(1))[0]?.to).toEqual(['after@example.com']);
});
