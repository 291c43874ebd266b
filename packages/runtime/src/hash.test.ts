import { describe, expect, it } from "vitest";
import { bundleHash, canonicalJson, contentHash } from "./hash.js";

describe("canonical JSON", () => {
  it("sorts keys, drops undefined members and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: undefined, d: { z: 1, y: 2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":2,"z":1}}',
    );
  });

  it("is the same for the same content built in any order", () => {
    expect(canonicalJson({ x: 1, y: { q: 2, p: 3 } })).toBe(
      canonicalJson({ y: { p: 3, q: 2 }, x: 1 }),
    );
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ "a\n": 'q"é' })).toBe('{"a\\n":"q\\"é"}');
  });
});

describe("hashes", () => {
  it("is sha-256 of the canonical JSON", () => {
    // sha256("{}")
    expect(contentHash({})).toBe(
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    );
  });

  it("a bundle's hash covers everything but the hash", () => {
    expect(bundleHash({ hash: "sha256:0", a: 1 })).toBe(contentHash({ a: 1 }));
    expect(bundleHash({ hash: "sha256:1", a: 1 })).toBe(bundleHash({ a: 1 }));
  });
});
