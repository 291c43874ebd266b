/**
 * A layer's own default through the CLI: scenarios that pin it pass, `explain` says which layer
 * set it and why, `--ask` asks what could make a rule apply, and the bundle carries it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE, Fixtures, precept, STACK } from "./helpers.js";

const LAYER = `policy "Riverside clinic" version "1" extends "base.precept"

otherwise caution because "Anything this policy does not cover needs a word with your supervisor."

scenario "A client, in private: no rule applies, the clinic's default stands"
  given relationship is client, not public
  expect caution
  not by rule 2

scenario "A friend: the baseline's allow still decides"
  given relationship is friend, age is 30
  expect allow by rule 3

scenario "A friend of unknown age: could be allowed, or the default"
  given relationship is friend
  expect undetermined needs age
`;

describe("a layer's own default in the CLI", () => {
  let fx: Fixtures;
  beforeAll(() => {
    fx = new Fixtures();
    fx.write("base.precept", BASE);
    fx.write("layer.precept", LAYER);
  });
  afterAll(() => fx.remove());

  it("check, test, explain and compile", async () => {
    const layer = fx.path("layer.precept");
    const [check, test, explain, undetermined, compiled] = await Promise.all([
      precept(["check", layer]),
      precept(["test", layer]),
      precept(["explain", layer, "--fact", "relationship=client", "--fact", "public=no"]),
      precept(["explain", layer, "--fact", "relationship=friend"]),
      precept(["compile", layer]),
    ]);
    for (const r of [check, test, explain, undetermined, compiled]) {
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(0);
    }
    expect(test.stdout).toContain("3 passed");
    expect(explain.stdout).toContain(
      "Caution — no rule applies; Riverside clinic's default is caution: Anything this policy does not cover needs a word with your supervisor.",
    );
    expect(undetermined.stdout).toContain(
      "it could be allow or caution (rule 3 and Riverside clinic's default)",
    );
    expect(undetermined.stdout).toContain("How old are they?");
    const bundle = JSON.parse(compiled.stdout);
    expect([bundle.defaultOutcome, bundle.defaultSetBy.layer]).toEqual([
      "caution",
      "Riverside clinic",
    ]);
  });
});
