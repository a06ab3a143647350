const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 2 days", "3 hours ago", "just now". A past event a little ahead of this clock reads "just now". */
export function fromNow(
  iso: string | null | undefined,
  { past = false, now = Date.now() }: { past?: boolean; now?: number } = {},
): string {
  if (!iso) return '—';
  const raw = Date.parse(iso) - now;
  const diff = past && raw > 0 && raw < 5 * 60_000 ? 0 : raw;
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  return 'just now';
}

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

/** Any attribute value as short text for tables and diffs. */
export const show = (value: unknown): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
