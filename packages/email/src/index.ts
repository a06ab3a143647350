export { createSmtpMailer, MailRejectedError } from './mailer.ts';
export type { MailMessage, Mailer, SmtpMailerOptions } from './mailer.ts';
export { inviteEmail } from './templates/invite-email.ts';
export type { InviteEmailInput } from './templates/invite-email.ts';
export { escapeHtml } from './templates/escape-html.ts';
export { keyRevokedEmail } from './templates/key-revoked-email.ts';
export type { KeyRevokedEmailInput } from './templates/key-revoked-email.ts';
export { adminKeyRevokedEmail } from './templates/admin-key-revoked-email.ts';
export type { AdminKeyRevokedEmailInput } from './templates/admin-key-revoked-email.ts';
