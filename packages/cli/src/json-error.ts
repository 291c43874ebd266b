/**
 * Where a JSON text goes wrong. `JSON.parse` in Node 20 names the offset only for some errors, so
 * a small scanner that follows the JSON grammar finds the first offset at which the text cannot
 * continue, with what was expected there.
 */

export interface JsonProblem {
  /** 0-based offset of the first character that cannot be part of valid JSON. */
  readonly offset: number;
  readonly message: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Deeper nesting is reported rather than scanned: the scanner recurses, and facts are flat. */
export const MAX_JSON_DEPTH = 500;

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** The first problem in `text`, or undefined when it is valid JSON. */
export function findJsonProblem(text: string): JsonProblem | undefined {
  let i = 0;
  let depth = 0;
  const fail = (message: string): never => {
    throw new Stop(i, i >= text.length ? `${message}, but the text ends` : message);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`expected '${word}'`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === "\\") {
        i++;
        const esc = text[i];
        if (esc === "u") {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) {
              i += k;
              fail("expected four hex digits after \\u");
            }
          }
          i += 5;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
        else fail("unknown escape in a string");
      } else if (ch.charCodeAt(0) < 0x20) {
        fail("a line break or control character inside a string (strings need a closing quote)");
      } else i++;
    }
    fail("expected the closing quote of a string");
  };
  const number = () => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match || match[0] === "-") fail("expected a number");
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if ((ch === "{" || ch === "[") && depth >= MAX_JSON_DEPTH) {
      fail(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    }
    if (ch === "{") {
      depth++;
      object();
      depth--;
    } else if (ch === "[") {
      depth++;
      array();
      depth--;
    } else if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else if (ch === "'") fail("strings need double quotes");
    else fail("expected a value (a string, number, true, false, null, object or list)");
  };
  const object = () => {
    i++;
    space();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] !== '"')
        fail(
          text[i] === "}"
            ? "a comma before '}' (trailing commas are not allowed)"
            : "expected a name in double quotes",
        );
      string();
      space();
      if (text[i] !== ":") fail("expected ':' after the name");
      i++;
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fail("expected ',' or '}' after a value");
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      value();
      space();
      if (text[i] === ",") {
        i++;
        space();
        if (text[i] === "]") fail("a comma before ']' (trailing commas are not allowed)");
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fail("expected ',' or ']' after a value");
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail("unexpected text after the end of the JSON value");
    return undefined;
  } catch (stop) {
    if (stop instanceof Stop)
      return { offset: Math.min(stop.offset, text.length), message: stop.message };
    throw stop;
  }
}
