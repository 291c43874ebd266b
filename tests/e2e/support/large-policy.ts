/**
 * A 2,000-line policy for performance measurements: the BPS baseline followed by copies of its
 * rules under new ids, so every line is the kind of text people really write.
 */
export function largePolicy(baseline: string, lines = 2000): string {
  const blocks = baseline.split(/\n(?=rule )/).slice(1);
  const rules = blocks.map((b) => b.replace(/\n(?! {2})[\s\S]*$/, "").trimEnd());
  let text = baseline.trimEnd();
  let copy = 0;
  while (text.split("\n").length < lines) {
    copy += 1;
    for (const rule of rules) {
      const renamed = rule.replace(/^rule ([\w.-]+)/, (_, id: string) => `rule ${id}-c${copy}`);
      text += `\n\n${renamed}`;
      if (text.split("\n").length >= lines) break;
    }
  }
  // Cut at the end of the last whole rule: a rule cut short would be an error in the policy.
  const all = text.split("\n");
  let end = Math.min(lines, all.length);
  if (end < all.length) while (end > 0 && !all[end]!.startsWith("rule ")) end -= 1;
  return `${all.slice(0, end).join("\n").trimEnd()}\n`;
}
