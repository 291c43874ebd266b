import { describe, expect, it } from "vitest";
import { resolveUri } from "./host.js";
import { closest, editDistance } from "./suggest.js";

describe("closest", () => {
  it("finds typos, transpositions and whole-word parts", () => {
    expect(closest("relationshp", ["relationship", "capacity"])).toBe("relationship");
    expect(closest("capcaity", ["relationship", "capacity"])).toBe("capacity");
    expect(closest("service user", ["current service user", "colleague"])).toBe(
      "current service user",
    );
  });
  it("does not guess for unrelated or very short names", () => {
    expect(closest("platform", ["relationship", "capacity"])).toBeUndefined();
    expect(closest("9", ["1", "2"])).toBeUndefined();
  });
  it("edit distance counts a transposition as one edit", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("resolveUri", () => {
  it("resolves relative paths against the naming file", () => {
    expect(resolveUri("rules/examples/clinic/policy.precept", "../../bps/policy.precept")).toBe(
      "rules/bps/policy.precept",
    );
    expect(resolveUri("policy.precept", "base.precept")).toBe("base.precept");
    expect(resolveUri("/abs/a/p.precept", "../b.precept")).toBe("/abs/b.precept");
    expect(resolveUri("file:///x/a/p.precept", "./b.precept")).toBe("file:///x/a/b.precept");
  });
});
