import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { layerTitle, missingBaseline } from "./init.js";

describe("precept init: the title", () => {
  it("defaults, and keeps a given title without surrounding spaces", () => {
    expect(layerTitle(undefined)).toBe("Our local social media policy");
    expect(layerTitle("  Team policy ")).toBe("Team policy");
  });

  it.each(["", "   ", "Two\nlines"])("refuses %j as a usage error", (title) => {
    expect(() => layerTitle(title)).toThrow(UsageError);
  });
});

describe("precept init: a missing baseline", () => {
  it("names the BPS package and how to install it, or to name another baseline", () => {
    const error = missingBaseline(undefined);
    expect(error.message).toBe(
      "The BPS baseline package @precept/bps-e-professionalism is not installed (it comes with @precept/cli).",
    );
    expect(error.hint).toContain("npm install --save-dev @precept/bps-e-professionalism");
    expect(error.hint).toContain("--baseline <path of a policy>");
    expect(error.exitCode).toBe(2);
  });

  it("names the path given to --baseline", () => {
    const error = missingBaseline("nope.precept");
    expect(error.message).toBe("The baseline nope.precept does not exist.");
    expect(error.hint).toBe("Check the path given to --baseline.");
  });
});
