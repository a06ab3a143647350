export type Cell = string | number | null | undefined;

/** A number for people: NaN and null as "–", otherwise `digits` decimals with thousands separators. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const cellText = (cell: Cell) => (typeof cell === 'number' ? formatNumber(cell) : (cell ?? '–'));

/** A Markdown table: the first column left-aligned, the others (figures) right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [
    `| ${headers.join(' | ')} |`,
    `|${headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${headers.map((_, i) => cellText(row[i])).join(' | ')} |`),
  ];
  return lines.join('\n');
}
