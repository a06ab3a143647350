import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CapturedMail = { from: string; to: string[]; raw: string; receivedAt: Date };

/**
 * A real SMTP server on loopback that keeps what it receives, for integration tests.
 * `reject` makes it answer 550 for matching recipients (a permanent rejection).
 */
export async function startTestSmtpServer(options: { reject?: (to: string) => boolean } = {}) {
  const mails: CapturedMail[] = [];
  /** Recipients answered 550, once per attempt. */
  const rejected: string[] = [];
  /** Transactions the client cut off mid-way (e.g. a SIGKILLed worker): socket errors, not failures of the test. */
  const aborted: Error[] = [];
  const arrivals = new EventEmitter();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address)) {
        rejected.push(address.address);
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date(),
        });
        arrivals.emit('mail');
        callback();
      });
    },
  });
  // Without a listener, a client that dies mid-transaction (ECONNRESET) would throw from the server's 'error' event.
  server.on('error', (error: Error) => aborted.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    rejected,
    aborted,
    /** Resolves with every mail so far once `done(mails)` holds, checked on each arrival (rejects after `timeoutMs`). */
    until(done: (received: CapturedMail[]) => boolean, timeoutMs = 20_000): Promise<CapturedMail[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done(mails)) return;
          finish();
          resolve(mails);
        };
        const timer = setTimeout(() => {
          finish();
          reject(
            new Error(`the ${mails.length} mail(s) that arrived within ${timeoutMs} ms do not meet the condition`),
          );
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          arrivals.off('mail', check);
        };
        arrivals.on('mail', check);
        check();
      });
    },
    /** Resolves once `count` mails have arrived (or rejects after `timeoutMs`). */
    waitFor(count: number, timeoutMs = 15_000): Promise<CapturedMail[]> {
      return this.until((received) => received.length >= count, timeoutMs);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The invite links in a raw (possibly quoted-printable) message, in order. */
export function inviteLinksIn(raw: string): string[] {
  const decoded = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  return [...new Set(decoded.match(/https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]{43}/g) ?? [])];
}
