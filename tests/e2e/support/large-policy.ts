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
  return `${text.split("\n").slice(0, lines).join("\n").trimEnd()}\n`;
}
