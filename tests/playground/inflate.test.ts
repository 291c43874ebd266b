/** Share links inflate with a hard limit: the same text as lz-string, or a clear refusal. */
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inflate } from "../../playground/src/inflate.js";
import { linkProblemMessage, readLink } from "../../playground/src/share.js";
import { linkBomb } from "../e2e/support/link-bomb.js";

// lz-string is the playground's dependency, not the root's.
const LZString = createRequire(new URL("../../../playground/package.json", import.meta.url))(
  "lz-string",
) as {
  compressToEncodedURIComponent(text: string): string;
  decompressFromEncodedURIComponent(text: string): string | null;
};

describe("inflating a share link", () => {
  it("gives back exactly what lz-string compressed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const encoded = LZString.compressToEncodedURIComponent(text);
        expect(inflate(encoded, 1e9)).toEqual({ ok: true, text });
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees with lz-string on hostile code sequences", () => {
    const small = linkBomb(200);
    const text = LZString.decompressFromEncodedURIComponent(small);
    expect(text).toMatch(/^a+$/);
    expect(inflate(small, 1e9)).toEqual({ ok: true, text });
  });

  it("says a link cut short is damaged (unless only padding was lost)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.double({ min: 0, max: 1 }), (text, at) => {
        const encoded = LZString.compressToEncodedURIComponent(text);
        const cut = encoded.slice(0, Math.floor((encoded.length - 1) * at));
        const read = inflate(cut, 1e9);
        // lz-string may end with a character of padding alone: without it, nothing is lost.
        if (read.ok) expect(read.text).toBe(text);
        else expect(read.problem).toBe("damaged");
      }),
    );
    const whole = LZString.compressToEncodedURIComponent("a colleague's layer, ".repeat(20));
    expect(inflate(whole.slice(0, whole.length / 2), 1e9)).toEqual({
      ok: false,
      problem: "damaged",
    });
    expect(inflate("not*base64", 1e9)).toEqual({ ok: false, problem: "damaged" });
  });

  it("stops at the limit however much a link stands for", () => {
    // 150 KB of codes standing for about two billion characters: refused after the limit's worth.
    const bomb = linkBomb(60_000);
    expect(inflate(bomb, 4_000_000)).toEqual({ ok: false, problem: "too-large" });
    const read = readLink(bomb);
    expect(read).toEqual({ ok: false, problem: "too-large" });
    expect(linkProblemMessage("too-large")).toMatch(/too large/);
  });
});
