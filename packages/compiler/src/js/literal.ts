/**
 * Policy text as JavaScript source. Everything from a bundle that reaches generated code goes
 * through `literal`: JSON's escaping, plus `<`, `>` and `&` (so that `</script>` or `<!--` cannot end
 * or confuse an inline script) and U+2028/U+2029 (line terminators to older parsers). Only scalars
 * and arrays of them: an object literal with a policy's key could be `"__proto__": …`, which sets a
 * prototype, so generated code builds its objects with fixed keys only.
 */

type Literal = string | number | boolean | null | readonly Literal[];

const UNSAFE = /[<>&\u2028\u2029]/g;

export function literal(value: Literal): string {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`Cannot emit the number ${value}.`);
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    throw new Error("Objects are emitted with fixed keys, never from policy data.");
  }
  return JSON.stringify(value).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
