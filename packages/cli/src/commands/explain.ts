import { readDate } from "@precept/language";
import type { BundleFact, DecideOptions, Decider, Decision } from "@precept/runtime";
import { listOption, type ParsedArgs, stringOption } from "../args.js";
import { CliError, EXIT_OK, EXIT_USAGE } from "../errors.js";
import type { FactSet } from "../facts.js";
import { parseFactsJson } from "../facts-json.js";
import { readUserFile } from "../files.js";
import { type Io, invoked, type Paint, paint } from "../io.js";

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0]!;
  const pairs = listOption(args.values, "fact");
  const factsFile = stringOption(args.values, "facts");
  const asOfText = stringOption(args.values, "as-of");
  const asOf = asOfText === undefined ? undefined : readDate(asOfText);
  if (asOf && !asOf.ok) {
    throw new CliError(`--as-of ${JSON.stringify(asOfText)}: ${asOf.message}.`, EXIT_USAGE);
  }
  const options: DecideOptions = asOf?.ok ? { asOf: asOf.iso } : {};
  // A missing facts file is reported before the policy is loaded (which takes a moment).
  const factsText = factsFile ? readUserFile(io.cwd, factsFile) : undefined;

  const [{ loadBuiltPolicy }, { buildFactSet, describeType }, ids] = await Promise.all([
    import("../policy.js"),
    import("../facts.js"),
    import("../rule-ids.js"),
  ]);
  const loaded = await loadBuiltPolicy(io, file, "it cannot decide anything");
  const { bundle, decider } = loaded;
  // Everything the user typed is read against the policy before anything is printed, so that a
  // mistake stops the command with nothing on stdout, and examples name this policy's facts.
  const fromFile =
    factsText !== undefined ? parseFactsJson(factsText, factsFile!, bundle.facts) : {};
  const facts: FactSet = buildFactSet(bundle.facts, fromFile, pairs, factsFile);
  const ruleIds = {
    explainable: bundle.rules.map((r) => r.name),
    exceptions: new Map(
      loaded.policy.rules.flatMap((r) => r.exceptions.map((e) => [e.id, r.id] as const)),
    ),
    baselineNames: loaded.policy.layers.flatMap((l) =>
      (l.baselines ?? []).flatMap((b) => (b.alias ? [b.alias] : [])),
    ),
  };
  const whyNot = listOption(args.values, "why-not").map((id) => ids.findRuleId(ruleIds, id));

  let decision = await decide(decider, facts, options);
  const ask = args.values.ask === true;
  if (ask && decision.undetermined) {
    decision = await askUntilDecided(io, decider, facts, decision, options);
    const again = `${asCommandLine(facts)}${options.asOf ? ` --as-of ${options.asOf}` : ""}`;
    io.stderr(
      `\nTo decide this again without questions:\n  ${invoked(io)} explain ${file} ${again}\n\n`,
    );
  }

  const answers = whyNot.map((rule) => {
    const why = decider.whyNot(rule, facts, options);
    if (!why.ok) throw new CliError(why.errors.map((e) => e.message).join(" "));
    return why;
  });
  if (args.values.json === true) {
    // The decision object as the runtime gives it, plus each --why-not answer when asked for.
    const output = answers.length > 0 ? { ...decision, whyNot: answers } : decision;
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT_OK;
  }
  const p = paint(io.colour);
  io.stdout(`${decisionText(decision, bundle.facts, p, describeType, ask)}\n`);
  if (decision.asOf) {
    const how = options.asOf ? "given with --as-of" : "today; change it with --as-of";
    io.stdout(`${p("dim", `Decided as of ${decision.asOf} (${how}).`)}\n`);
  }
  for (const why of answers) io.stdout(`\n${why.explanation}\n`);
  return EXIT_OK;
}

async function decide(decider: Decider, facts: FactSet, options: DecideOptions): Promise<Decision> {
  const result = await decider.decide(facts, options);
  // The facts were typed against the policy already; a rejection here names what is still wrong.
  if (!result.ok) throw new CliError(result.errors.map((e) => e.message).join(" "));
  return result;
}

/** Asks the first question still needed, decides again, and so on until decided or input ends. */
async function askUntilDecided(
  io: Io,
  decider: Decider,
  facts: FactSet,
  first: Decision,
  options: DecideOptions,
): Promise<Decision> {
  const { terminalAsker } = await import("../ask.js");
  const p = paint(io.colourErr);
  const asker = terminalAsker(io.stdin, io.stderr, io.interactive, p);
  let decision = first;
  try {
    while (decision.undetermined) {
      const need = decision.undetermined.needs[0];
      const fact = need && decider.bundle.facts.find((f) => f.name === need.fact);
      if (!need || !fact) break;
      // A question whose answer the constraints already imply is not asked.
      const possible = decider.possibleValues(fact.name, facts, options);
      if (possible?.length === 1) {
        facts[fact.name] = possible[0]!;
        const shown = typeof possible[0] === "boolean" ? (possible[0] ? "yes" : "no") : possible[0];
        io.stderr(
          `\n${p("dim", `${fact.label}: ${String(shown)} (implied by the other answers)`)}\n`,
        );
        decision = await decide(decider, facts, options);
        continue;
      }
      const value = await asker.ask(fact, need.question);
      if (value === undefined) {
        io.stderr(`${p("yellow", "No more answers:")} the decision is still undetermined.\n`);
        break;
      }
      const tried = await decider.decide({ ...facts, [fact.name]: value }, options);
      if (!tried.ok) {
        // An answer that contradicts a constraint is refused; the question is asked again.
        io.stderr(`${p("yellow", tried.errors.map((e) => e.message).join(" "))}\n`);
        continue;
      }
      facts[fact.name] = value;
      decision = tried;
    }
  } finally {
    asker.close();
  }
  return decision;
}

function quoteArg(text: string): string {
  return /^[\w.=/-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** The facts as `--fact` options, to decide the same situation again. */
export function asCommandLine(facts: FactSet): string {
  return Object.entries(facts)
    .map(([name, value]) => {
      const shown =
        typeof value === "boolean"
          ? value
            ? "yes"
            : "no"
          : Array.isArray(value)
            ? value.length === 0
              ? "nothing"
              : value.join(",")
            : String(value);
      return `--fact ${quoteArg(`${name}=${shown}`)}`;
    })
    .join(" ");
}

/**
 * The decision for a reader: the runtime's explanation, then for an undetermined one the questions.
 * `asked`: --ask was given, so the questions left are those the input ended before answering.
 */
export function decisionText(
  decision: Decision,
  facts: readonly BundleFact[],
  p: Paint,
  describeType: (fact: BundleFact) => string,
  asked = false,
): string {
  const lines = [decision.explanation];
  for (const w of decision.warnings) lines.push(`${p("yellow", "warning:")} ${w}`);
  if (decision.undetermined) {
    lines.push("", p("bold", "To decide, answer:"));
    decision.undetermined.needs.forEach((need, i) => {
      const fact = facts.find((f) => f.name === need.fact);
      const type = fact ? ` (${describeType(fact)})` : "";
      lines.push(
        `  ${i + 1}. ${need.question}`,
        `     ${p("dim", `--fact "${need.fact}=…"${type}`)}`,
      );
    });
    lines.push(
      "",
      asked
        ? "These questions could not be asked (no answers on input): add the answers with --fact."
        : "Add the answers with --fact, or run again with --ask to be asked.",
    );
  }
  return lines.join("\n");
}
