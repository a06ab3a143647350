import { createRequire } from 'node:module';

/**
 * The few DOM shapes this package reads. `@xmldom/xmldom`'s own typings pull the browser's
 * `lib.dom` into every package that type-checks this one (and change `fetch`'s types there),
 * so it is loaded untyped and described here.
 */
export interface XmlNode {
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlNode>;
}
export interface XmlElement extends XmlNode {
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<XmlElement>;
}
type ParserOptions = {
  errorHandler?: { warning?: (m: string) => void; error?: (m: string) => void; fatalError?: (m: string) => void };
};
type DomParser = { parseFromString(xml: string, mimeType: string): { documentElement: XmlElement | null } };

const xmldom = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (options?: ParserOptions) => DomParser;
};

/** Parses XML; parser messages go to `onError` (none given: they are ignored, the caller checks the shape). */
export function parseXml(xml: string, onError?: (message: string) => void): XmlElement | null {
  const report = onError ?? (() => undefined);
  const parser = new xmldom.DOMParser({
    errorHandler: { warning: () => undefined, error: report, fatalError: report },
  });
  return parser.parseFromString(xml, 'text/xml').documentElement;
}

export const isElement = (node: XmlNode): node is XmlElement => 'getAttribute' in node;
