/** Editor services in a layer on several baselines: rule ids by the names they go by there. */
import { describe, expect, it } from "vitest";
import { memoryHost } from "../host.js";
import { complete } from "./complete.js";
import { covered, cursor } from "./cursor.js";
import { definition } from "./definition.js";
import { hover } from "./hover.js";

const FILES = {
  "base.precept": `policy "Base" version "1"
source g: "G", G, 2020
outcomes, strongest first:
  decline "no"
  allow "yes"
otherwise no guidance
fact a: yes or no
rule 1: a → decline
  cites g §1
`,
  "p.precept": `policy "Programme" version "2" extends "base.precept"
rule 3.1: not a → allow
  cites g §2
`,
  "t.precept": `policy "Team" version "1" extends "base.precept"
rule 3.1: a → allow
  cites g §3
`,
};
const HEADER = 'policy "L" extends "p.precept" as programme and "t.precept" as team\n';

function at(marked: string) {
  const { text, offset } = cursor(marked);
  return { text, offset, context: { uri: "l.precept", host: memoryHost(FILES) } };
}

describe("services on a layer with two baselines", () => {
  it("offers the baselines' rules after `override rule`, clashing ids qualified", () => {
    const { text, offset, context } = at(`${HEADER}override rule <|>`);
    const rules = complete(text, offset, context)
      .filter((i) => i.kind === "rule")
      .map((i) => i.label);
    expect(rules).toEqual(["1", "programme.3.1", "team.3.1"]);
  });

  it("goes from a qualified id to the rule in its baseline", () => {
    const { text, offset, context } = at(`${HEADER}disable rule team.3<|>.1 because "not here"\n`);
    const found = definition(text, offset, context)!;
    expect(found.uri).toBe("t.precept");
    expect(covered(FILES["t.precept"], found.range)).toBe("3.1");
    const h = hover(text, offset, context)!;
    expect(covered(text, h.range)).toBe("team.3.1");
    expect(h.markdown).toContain("from Team");
  });

  it("goes from a baseline in the policy line to its file; hover names it", () => {
    const { text, offset, context } = at(
      `policy "L" extends "p.precept" as programme and "t.pre<|>cept" as team\n`,
    );
    expect(definition(text, offset, context)).toMatchObject({
      uri: "t.precept",
      range: { start: { line: 1, column: 1 } },
    });
    const h = hover(text, offset, context)!;
    expect(covered(text, h.range)).toBe('"t.precept"');
    expect(h.markdown).toContain("**baseline** “Team” version 1");
    expect(h.markdown).toContain("team.<id>");
  });
});
