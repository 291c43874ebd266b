/** The share link format: a round trip for any state, and nothing but the expected shape back. */
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  baselineId,
  decodeState,
  encodeLink,
  encodeState,
  type PlaygroundState,
  readLink,
  stateFromHash,
} from "../../playground/src/share.js";

// JSON has no -0: it comes back as 0.
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const value = fc.oneof(fc.string(), fc.boolean(), number);
const state: fc.Arbitrary<PlaygroundState> = fc.record({
  files: fc.record({
    baseline: fc.string(),
    scenarios: fc.string(),
    layer: fc.string({ unit: "binary" }),
  }),
  open: fc.constantFrom("baseline", "scenarios", "layer"),
  baselineEditable: fc.boolean(),
  situation: fc.dictionary(
    fc
      .string({ minLength: 1 })
      .filter((k) => !["__proto__", "constructor", "prototype"].includes(k)),
    value,
  ),
});

// lz-string is the playground's dependency, not the root's.
const LZString = createRequire(new URL("../../../playground/package.json", import.meta.url))(
  "lz-string",
) as { compressToEncodedURIComponent(text: string): string };
const encodeRaw = (raw: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(raw));

describe("share links", () => {
  it("round-trip any state", () => {
    fc.assert(
      fc.property(state, (s) => {
        const back = decodeState(encodeState(s));
        expect(back).toEqual({ ...s, situation: { ...s.situation } });
      }),
    );
  });

  it("are found in a location hash", () => {
    expect(stateFromHash("#s=abc-$+")).toBe("abc-$+");
    expect(stateFromHash("#s=")).toBeUndefined();
    expect(stateFromHash("#other")).toBeUndefined();
    expect(stateFromHash("#s=<script>")).toBeUndefined();
  });

  it("reject anything that is not a state, without throwing", () => {
    fc.assert(
      fc.property(fc.string(), (junk) => {
        const decoded = decodeState(junk);
        if (decoded !== undefined) expect(typeof decoded.files.layer).toBe("string");
      }),
    );
    expect(decodeState(encodeRaw({ v: 2, files: {} }))).toBeUndefined();
    expect(
      decodeState(encodeRaw({ v: 1, files: { baseline: "", scenarios: "" } })),
    ).toBeUndefined();
    expect(
      decodeState(encodeRaw({ v: 1, files: { baseline: 1, scenarios: "", layer: "" } })),
    ).toBeUndefined();
    expect(decodeState(encodeRaw([1, 2]))).toBeUndefined();
    expect(decodeState(encodeRaw("text"))).toBeUndefined();
  });

  it("keep only expected fields and safe situation keys", () => {
    const raw = JSON.parse(
      `{"v":1,"files":{"baseline":"b","scenarios":"s","layer":"l","extra":"x"},"open":"<img>",
        "baselineEditable":"yes","situation":{"__proto__":{"polluted":true},"constructor":"x",
        "age":17,"consent":true,"name":"a","bad":{"nested":1},"nan":null},"script":"alert(1)"}`,
    );
    const decoded = decodeState(encodeRaw(raw));
    expect(decoded).toEqual({
      files: { baseline: "b", scenarios: "s", layer: "l" },
      open: "layer",
      baselineEditable: false,
      situation: { age: 17, consent: true, name: "a" },
    });
    expect(Object.getPrototypeOf(decoded!.situation)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("carry only what differs from the shipped pack, and round-trip any state with it", () => {
    const shipped = { baseline: 'policy "B" version "2012.1"\n', scenarios: "# s\n" };
    fc.assert(
      fc.property(state, fc.boolean(), (s, keepPack) => {
        const withPack = keepPack ? { ...s, files: { ...s.files, ...shipped } } : s;
        const link = encodeLink(withPack, shipped);
        const read = readLink(link, shipped);
        expect(read).toEqual({
          ok: true,
          state: { ...withPack, situation: { ...withPack.situation } },
        });
      }),
    );
    const big = { baseline: "x".repeat(50_000), scenarios: "y".repeat(20_000) };
    const small = encodeLink(
      { files: { ...big, layer: "# mine" }, open: "layer", baselineEditable: false, situation: {} },
      big,
    );
    expect(small.length).toBeLessThan(300);
  });

  it("say when they were made against another baseline", () => {
    const made = { baseline: 'policy "B" version "2011.9"\n', scenarios: "" };
    const here = { baseline: 'policy "B" version "2012.1"\n', scenarios: "" };
    const link = encodeLink(
      { files: { ...made, layer: "# l" }, open: "layer", baselineEditable: false, situation: {} },
      made,
    );
    const read = readLink(link, here);
    expect(read.ok && read.otherBaseline).toEqual({
      made: baselineId(made),
      here: baselineId(here),
    });
    expect(read.ok && read.state.files.baseline).toBe(here.baseline);
    expect(baselineId(here).version).toBe("2012.1");
  });
});
