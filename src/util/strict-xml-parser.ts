/**
 * @xmldom/xmldom's DOMParser made strict and quiet, for the XML loaders where no built-in
 * DOMParser serves (Node, and browser workers): by default xmldom prints recoverable errors to
 * the console and carries on; here the first error or fatal error stops parsing and is thrown
 * with its line (`locator.lineNumber`), which the XML loader turns into a LoadError.
 */
import { DOMParser as XmldomParser } from '@xmldom/xmldom';

interface FirstError {
  message: string;
  line: number | undefined;
}

export class StrictXmlParser {
  parseFromString(source: string, type: string): Document {
    let first: FirstError | null = null;
    const parser = new XmldomParser({
      onError: (level, message, context: { locator?: { lineNumber?: number } } | undefined) => {
        if (level !== 'warning' && !first)
          first = { message: message.trim(), line: context?.locator?.lineNumber };
      },
    });
    let doc: unknown;
    try {
      doc = parser.parseFromString(source, type);
    } catch (e) {
      throw withLine(first ?? { message: e instanceof Error ? e.message : String(e), line: undefined }, e);
    }
    if (first) throw withLine(first, null);
    return doc as Document;
  }
}

/** The parser as loadGraph's `DOMParser` option. */
/** A DOMParser class as the XML loaders take it (the browser's, or xmldom's in Node). */
export type DOMParserConstructor = new () => { parseFromString(source: string, type: string): Document };

export const strictXmlParser = StrictXmlParser as unknown as DOMParserConstructor;

function withLine(error: FirstError, cause: unknown): Error {
  const located = (cause as { locator?: { lineNumber?: number } } | null)?.locator?.lineNumber;
  return Object.assign(new Error(error.message), { locator: { lineNumber: error.line ?? located } });
}
