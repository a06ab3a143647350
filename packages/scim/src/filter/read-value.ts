import type { FilterValue } from './ast.ts';
import type { Scanner } from './scanner.ts';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const BARE_CHAR = /[A-Za-z0-9_@.+-]/;
const BARE_TOKEN = /^[A-Za-z0-9_@.-]+$/;
// Deterministic (no nested quantifiers over the same characters): linear on the bounded token.
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const HEX4 = /^[0-9A-Fa-f]{4}$/;

function readString(s: Scanner): string {
  const start = s.pos;
  s.pos++; // opening quote
  let out = '';
  for (;;) {
    if (s.atEnd()) throw s.error('unterminated string', start);
    const ch = s.peek();
    if (ch === '"') {
      s.pos++;
      return out;
    }
    if (ch < ' ') throw s.error('control character in string');
    if (ch !== '\\') {
      out += ch;
      s.pos++;
      continue;
    }
    const esc = s.text.charAt(s.pos + 1);
    const simple = ESCAPES[esc];
    if (simple !== undefined) {
      out += simple;
      s.pos += 2;
    } else if (esc === 'u' && HEX4.test(s.text.slice(s.pos + 2, s.pos + 6))) {
      out += String.fromCharCode(parseInt(s.text.slice(s.pos + 2, s.pos + 6), 16));
      s.pos += 6;
    } else {
      throw s.error('invalid escape in string');
    }
  }
}

/**
 * Reads a comparison value: a JSON string, number, true/false/null (any case, ABNF literals
 * are case-insensitive) or — when `bare` is on — Entra's documented unquoted token
 * (`externalId eq jyoung`), limited to [A-Za-z0-9_@.-] and read as a string.
 */
export function readValue(s: Scanner, bare: boolean): FilterValue {
  s.skipWs();
  if (s.peek() === '"') return readString(s);
  const start = s.pos;
  while (!s.atEnd() && BARE_CHAR.test(s.peek())) s.pos++;
  const token = s.text.slice(start, s.pos);
  if (token === '') throw s.error('expected a value');
  const lower = token.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (JSON_NUMBER.test(token)) {
    const n = Number(token);
    if (!Number.isFinite(n)) throw s.error('number out of range', start);
    return n;
  }
  if (bare && BARE_TOKEN.test(token)) return token;
  throw s.error('expected a value (a quoted string, number, true, false or null)', start);
}
