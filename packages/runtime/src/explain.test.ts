import { describe, expect, it } from "vitest";
import type { BundleFact } from "./bundle.js";
import { list, phraseTest } from "./explain.js";

const choice: BundleFact = {
  name: "colour",
  label: "colour",
  type: "choice",
  values: ["red", "blue"],
};
const flag: BundleFact = { name: "consent", label: "consent", type: "yes/no" };
const age: BundleFact = { name: "age", label: "age", type: "number", unit: "years" };
const text: BundleFact = { name: "platform", label: "platform", type: "text" };

describe("phrasing tests as the policy would", () => {
  it("uses yes/no facts bare", () => {
    expect(phraseTest(flag, "consent", "equal", true)).toBe("consent");
    expect(phraseTest(flag, "consent", "equal", false)).toBe("not consent");
    expect(phraseTest(flag, "consent", "notEqual", false)).toBe("consent");
  });

  it("lists, numbers with units and quoted text", () => {
    expect(phraseTest(choice, "colour", "in", ["red", "blue"])).toBe(
      "colour is one of red or blue",
    );
    expect(phraseTest(choice, "colour", "notIn", ["red"])).toBe("colour is not red");
    expect(phraseTest(age, "age", "lessThan", 18)).toBe("age is less than 18 years");
    expect(phraseTest(age, "age", "greaterThanInclusive", 65)).toBe("age is at least 65 years");
    expect(phraseTest(text, "platform", "notEqual", "x")).toBe('platform is not "x"');
  });

  it("joins lists in English", () => {
    expect(list([])).toBe("");
    expect(list(["a"])).toBe("a");
    expect(list(["a", "b", "c"], "or")).toBe("a, b or c");
  });
});
