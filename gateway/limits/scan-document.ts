import { Lexer, Source, TokenKind } from 'graphql';

/** What lexing a document found before parsing it. */
export interface DocumentScan {
  /** Tokens counted (comments and the end excluded), up to the cap. */
  tokens: number;
  /** Whether lexing stopped at the cap, so `tokens` is a lower bound. */
  capped: boolean;
  /** Deepest bracket nesting seen (`{ [ (`). */
  nesting: number;
  /** Whether the text did not lex (left to the parser, which names the error). */
  malformed: boolean;
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Lexes `text` without parsing it, counting tokens as the graphql-js parser does and the deepest
 * bracket nesting, and stops after `tokenCap` tokens or once the nesting passes `nestingCap`:
 * linear work with a fixed bound, so a document too large or too deep for the (recursive)
 * parser is refused before the parser sees it.
 */
export function scanDocument(text: string, tokenCap: number, nestingCap: number): DocumentScan {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let depth = 0;
  let nesting = 0;
  try {
    for (;;) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return { tokens, capped: false, nesting, malformed: false };
      tokens += 1;
      if (OPENING.has(token.kind)) {
        depth += 1;
        if (depth > nesting) nesting = depth;
        if (nesting > nestingCap) return { tokens, capped: true, nesting, malformed: false };
      } else if (CLOSING.has(token.kind)) {
        depth -= 1;
      }
      if (tokens >= tokenCap) return { tokens, capped: true, nesting, malformed: false };
    }
  } catch {
    return { tokens, capped: false, nesting, malformed: true };
  }
}
