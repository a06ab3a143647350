import nodemailer from 'nodemailer';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
};

/** The server refused this message for good (5xx): retrying cannot help. */
export class MailRejectedError extends Error {
  override name = 'MailRejectedError';
}

export type Mailer = {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
};

export type SmtpMailerOptions = {
  /** `smtp://host:port` or `smtps://user:pass@host:port`. */
  url: string;
  from: string;
};

/**
 * Sends over SMTP with a pooled connection. A 5xx reply becomes `MailRejectedError`
 * (permanent); anything else (connection refused, 4xx, timeouts) is thrown as is, so the
 * job retries with backoff.
 */
export function createSmtpMailer({ url, from }: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport(url, { from });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ ...message, from });
        return { messageId: String(info.messageId) };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) {
          throw new MailRejectedError(`the mail server rejected the message (${code})`, { cause: error });
        }
        throw error;
      }
    },
    close: () => transport.close(),
  };
}
