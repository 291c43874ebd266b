import { readFileSync } from "node:fs";
import { parse } from "@precept/language";

const t0 = performance.now();
const r = parse(readFileSync(process.argv[2]!, "utf8"), { uri: process.argv[2] });
console.log(performance.now() - t0, "ms");
console.log(JSON.stringify(r.diagnostics, null, 1));
console.log(
  JSON.stringify(
    r.document.declarations.map((d) => ({
      kind: d.kind,
      ...(d.kind === "Rule"
        ? { id: d.id?.text, cond: d.condition, out: d.outcome?.text }
        : d.kind === "Scenario"
          ? { given: d.given.map((g) => [g.fact.key, g.value]), expect: d.expect }
          : {}),
    })),
    (k, v) => (k === "range" || k === "operatorRange" ? undefined : v),
  ),
);
