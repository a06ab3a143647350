import { SMTPServer } from 'smtp-server';
import { freePort } from '../node-process.ts';

/** `up`: accepts; `tempfail`: answers 451 to every recipient (a mail server in trouble); `down`: not listening. */
export type SmtpMode = 'up' | 'tempfail' | 'down';

/** Recipients the catcher refuses for good (550), whatever its mode: the 5xx case. */
export const REJECTED_DOMAIN = 'rejected.faults.example';

/**
 * The mail server the workers send to, controllable: the harness counts every accepted mail
 * per recipient (duplicates are a failure), switches to 451 or stops listening for a
 * window, and answers 550 for one domain.
 */
export async function startSmtpCatcher() {
  const port = await freePort();
  const received = new Map<string, number>();
  let tempfailed = 0;
  let rejected = 0;
  let mode: SmtpMode = 'up';
  let server: SMTPServer | undefined;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Stopping must not wait for the workers' pooled connections to hang up.
      closeTimeout: 100,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith(`@${REJECTED_DOMAIN}`)) {
          rejected++;
          return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        }
        if (mode === 'tempfail') {
          tempfailed++;
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
          callback();
        });
      },
    });
    const current = server;
    await new Promise<void>((resolve, reject) => {
      current.server.once('error', reject);
      current.listen(port, '127.0.0.1', () => resolve());
    });
  };
  const close = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    tempfailed: () => tempfailed,
    rejected: () => rejected,
    mails: () => [...received.values()].reduce((a, b) => a + b, 0),
    async setMode(next: SmtpMode) {
      if (next === mode) return;
      if (mode === 'down') await listen();
      if (next === 'down') await close();
      mode = next;
    },
    close,
  };
}

export type SmtpCatcher = Awaited<ReturnType<typeof startSmtpCatcher>>;
