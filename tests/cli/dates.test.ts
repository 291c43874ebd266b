import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures, precept, STACK } from "./helpers.js";

/** A regulator's rule revised on 1 September 2024, and a duration from the decision date. */
const DATED = `policy "Dated guidance" version "2"
source reg: "Regulator guidance", Regulator, 2024
outcomes, strongest first:
  prohibit "must not"
  caution "only with care"
otherwise no guidance

fact contact: yes or no
  asks "Would you contact the former service user?"
fact discharge date: date
  asks "When was the service user discharged?"

rule 4.2 "Contact after discharge (2017 text)": contact → caution
  cites reg §4.2 "take care"
  in force until 31 August 2024
rule 4.2 "Contact after discharge (2024 text)": contact and discharge date is within 2 years → prohibit
  cites reg §4.2 "not within two years"
  in force from 1 September 2024

scenario "Before the revision" as of 2023-01-01
  given contact, discharge date is 2022-06-30
  expect caution by rule 4.2
scenario "After the revision" as of 2025-01-01
  given contact, discharge date is 2024-06-30
  expect prohibit by rule 4.2
`;

describe("dates in the CLI", () => {
  let fx: Fixtures;
  let policy: string;
  beforeAll(() => {
    fx = new Fixtures();
    policy = fx.write("dated.precept", DATED);
    fx.write("bad-date.json", JSON.stringify({ contact: true, "discharge date": "2023-02-30" }));
  });
  afterAll(() => fx.remove());

  it("--as-of decides by the version in force on that date and says which applied", async () => {
    const facts = ["--fact", "contact=yes", "--fact", "discharge date=1 July 2024"];
    const [before, after] = await Promise.all([
      precept(["explain", policy, ...facts, "--as-of", "2023-01-01"]),
      precept(["explain", policy, ...facts, "--as-of", "2025-01-01"]),
    ]);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^Caution — /);
    expect(before.stdout).toContain("rule 4.2 as in force until 2024-08-31");
    expect(before.stdout).toContain("Decided as of 2023-01-01");
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^Prohibit — /);
    expect(after.stdout).toContain("rule 4.2 as in force from 2024-09-01");
    expect(after.stdout).toContain("2 years before the decision date");
  });

  it("--why-not names a version of a rule by its date", async () => {
    const why = await precept([
      "explain",
      policy,
      "--fact",
      "contact=yes",
      "--as-of",
      "2025-01-01",
      "--why-not",
      "4.2@to-2024-08-31",
    ]);
    expect(why.code).toBe(0);
    expect(why.stdout).toContain(
      "Rule 4.2 as in force until 2024-08-31 does not apply; it needs the decision date is on or before 2024-08-31 (the decision date is 2025-01-01).",
    );
  });

  it("runs scenarios on their own decision dates", async () => {
    const result = await precept(["test", fx.path(".")]);
    expect(result.stdout).toContain("2 scenarios passed");
    expect(result.code).toBe(0);
  });

  it("refuses a date that does not exist, in a facts file and in --as-of", async () => {
    const [file, asOf] = await Promise.all([
      precept(["explain", policy, "--facts", fx.path("bad-date.json")]),
      precept(["explain", policy, "--fact", "contact=yes", "--as-of", "2024-02-30"]),
    ]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("2023-02-30");
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain("February 2024 has days 1 to 29");
    for (const r of [file, asOf]) expect(r.stderr).not.toMatch(STACK);
  });
});
