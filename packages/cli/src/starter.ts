/** The text of the starter layer that `precept init` writes. */

export interface StarterOptions {
  readonly title: string;
  /** What `extends` names: a package name, or a path relative to the layer's folder (`/`). */
  readonly baseline: string;
  readonly year: number;
  /**
   * Whether the baseline is the BPS pack, whose vocabulary the example may use (its term
   * `sharing material` keeps the example rule from asking about recordings in every situation).
   */
  readonly bps: boolean;
}

const quoted = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export function starterPolicy({ title, baseline, year, bps }: StarterOptions): string {
  const when = bps
    ? "sharing material and recorded in a clinical area"
    : "recorded in a clinical area";
  const given = bps
    ? "activity is sharing material, recorded in a clinical area"
    : "recorded in a clinical area";
  return `# ${title}: a local layer on the BPS e-Professionalism guidance.
#
# A layer adds to its baseline: its own facts, rules and scenarios. The strongest outcome wins, so a
# rule here can only make decisions stricter. To loosen a baseline rule, write \`override rule …\`,
# \`disable rule …\` or \`exception to rule …\`, each with \`because "…"\`; the compiled bundle lists
# every such loosening.
#
#   precept check <this folder>     find mistakes
#   precept test <this folder>      run the scenarios below
#   precept explain <this folder>/policy.precept ${exampleFacts(bps)}

policy ${quoted(title)} version "0.1" extends ${quoted(baseline)}

source local: "Our social media policy", Our organisation, ${year}

fact recorded in a clinical area: yes or no
  asks "Was the photo, video or sound recording made in a clinical area (a ward, clinic or therapy room)?"

rule L1 "No recordings from clinical areas"
  cites local §1 "Photographs, video or sound recorded in clinical areas must not be posted online."
  when ${when}
  then prohibit
  because "Service users can be identified in the background, and clinical areas are private spaces."
  advise "Use images from the communications team's approved library instead."

scenario "A photo taken on the ward"
  given ${given}
  expect prohibit by rule L1
  expect advice "Use images from the communications team's approved library instead."
`;
}

/** `--fact` options for a situation the example rule decides. */
export function exampleFacts(bps: boolean): string {
  return `${bps ? '--fact "activity=sharing material" ' : ""}--fact "recorded in a clinical area=yes"`;
}
