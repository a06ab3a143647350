import { AppError } from '../errors/app-error.ts';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A domain as stored and compared: trimmed, lower case, no trailing dot; anything else is BAD_REQUEST. */
export function normaliseDomain(value: string): string {
  const domain = value.trim().toLowerCase().replace(/\.$/, '');
  if (!DOMAIN.test(domain))
    throw new AppError('BAD_REQUEST', {
      message: `"${value.slice(0, 80)}" is not an email domain`,
      userMessage: 'Enter a domain such as acme.example.',
    });
  return domain;
}

/** The domain of an email address, normalised; null when it has none. */
export function domainOfEmail(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  try {
    return normaliseDomain(email.slice(at + 1));
  } catch {
    return null;
  }
}
