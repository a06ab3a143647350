import { badRequest } from '../errors/scim-error.ts';
import type { ScimError } from '../errors/scim-error.ts';

const WS = new Set([' ', '\t', '\n', '\r']);
/** Characters of an attribute path token, URN included (`urn:…:2.0:User:name.givenName`, `$ref`). */
const PATH_CHAR = /[A-Za-z0-9_:.$-]/;

/**
 * A forward-only cursor over the filter text. Every method consumes characters at most once
 * and uses only single-character tests, so scanning is linear whatever the input.
 */
export class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  error(message: string, at = this.pos): ScimError {
    return badRequest('invalidFilter', `Invalid filter at character ${at + 1}: ${message}`);
  }

  skipWs(): void {
    while (this.pos < this.text.length && WS.has(this.text.charAt(this.pos))) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.pos);
  }

  /** Consumes `ch` if it is next (after whitespace); returns whether it did. */
  eat(ch: string): boolean {
    this.skipWs();
    if (this.peek() !== ch) return false;
    this.pos++;
    return true;
  }

  expect(ch: string, what: string): void {
    if (!this.eat(ch)) throw this.error(`expected ${what}`);
  }

  /** Reads a run of path characters (may be empty). */
  readWord(): string {
    const start = this.pos;
    while (this.pos < this.text.length && PATH_CHAR.test(this.text.charAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Looks at the next word without consuming it (used for keywords: and, or, not, operators). */
  peekWord(): string {
    this.skipWs();
    const save = this.pos;
    const word = this.readWord();
    this.pos = save;
    return word;
  }
}
