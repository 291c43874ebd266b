/**
 * One owner of the bundle format: the TypeScript types (`packages/runtime/src/bundle.ts`) and the
 * JSON Schema (`packages/runtime/src/bundle.schema.json`) must describe the same documents. On a
 * corpus of compiled bundles — the packs in `rules/` and generated policies with every construct
 * (layers, exceptions, several-valued facts, dates, versions, presumptions, constraints,
 * scenarios) — every object is walked with its type (read by the TypeScript checker) and its
 * schema side by side: both declare the same members, both require the same ones, the object has
 * what both require and nothing either lacks; and every member the types declare occurs in the
 * corpus, so no construct goes unchecked.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { compile } from "@precept/compiler";
import { memoryHost } from "@precept/language";
import { Workspace } from "@precept/project";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { modelArbitrary } from "./arbitraries.js";

const ROOT = new URL("../../", import.meta.url);
const TYPES = "packages/runtime/src/bundle.ts";
const SCHEMA = "packages/runtime/src/bundle.schema.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: unknown };

const schema = JSON.parse(readFileSync(new URL(SCHEMA, ROOT), "utf8")) as Schema;

/** The checker's view of `Bundle`. */
function bundleType(): { checker: ts.TypeChecker; type: ts.Type } {
  const file = path.join(new URL(".", ROOT).pathname, TYPES);
  const program = ts.createProgram([file], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const decl = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Bundle",
  )!;
  return { checker, type: checker.getTypeAtLocation(decl) };
}

function resolve(s: Schema): Schema {
  let at = s;
  while (typeof at.$ref === "string") {
    const name = at.$ref.replace("#/definitions/", "");
    at = (schema.definitions as Record<string, Schema>)[name]!;
  }
  return at;
}

/** The schema alternatives of `s` that describe objects (through $ref, oneOf, anyOf). */
function objectSchemas(s: Schema): Schema[] {
  const r = resolve(s);
  const alternatives = (r.oneOf ?? r.anyOf) as Schema[] | undefined;
  if (alternatives) return alternatives.flatMap(objectSchemas);
  return r.type === "object" || r.properties ? [r] : [];
}

function arraySchema(s: Schema): Schema | undefined {
  const r = resolve(s);
  const alternatives = (r.oneOf ?? r.anyOf) as Schema[] | undefined;
  if (alternatives) return alternatives.map(arraySchema).find(Boolean);
  return r.type === "array" ? (r.items as Schema) : undefined;
}

/** Object types of a TypeScript type (union members; `null` and scalars left out). */
function objectTypes(t: ts.Type): ts.Type[] {
  if (t.isUnion()) return t.types.flatMap(objectTypes);
  return t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection) && !isArray(t) ? [t] : [];
}

function isArray(t: ts.Type): boolean {
  const name = t.getSymbol()?.getName();
  return name === "Array" || name === "ReadonlyArray";
}

function elementType(checker: ts.TypeChecker, t: ts.Type): ts.Type | undefined {
  const arrays = (t.isUnion() ? t.types : [t]).filter(isArray);
  const a = arrays[0];
  return a && checker.getTypeArguments(a as ts.TypeReference)[0];
}

const optional = (p: ts.Symbol) => (p.flags & ts.SymbolFlags.Optional) !== 0;

/**
 * Whether an object can be of the union member `t`: it has no member `t` lacks, every member `t`
 * requires, and the value `t` fixes for a discriminant (`type: "choice"`).
 */
function fits(checker: ts.TypeChecker, t: ts.Type, value: { [key: string]: Json }): boolean {
  const keys = Object.keys(value);
  if (!keys.every((k) => t.getProperty(k))) return false;
  return checker.getPropertiesOfType(t).every((p) => {
    if (!(p.getName() in value)) return optional(p);
    const pt = checker.getTypeOfSymbol(p);
    const literals = (pt.isUnion() ? pt.types : [pt]).filter((x) => x.isStringLiteral());
    const v = value[p.getName()];
    return (
      literals.length === 0 ||
      literals.length !== (pt.isUnion() ? pt.types.length : 1) ||
      literals.some((x) => (x as ts.StringLiteralType).value === v)
    );
  });
}

interface Walk {
  readonly checker: ts.TypeChecker;
  /** Every member the types declare, by `Type.member`, with whether the corpus had it. */
  readonly seen: Map<string, boolean>;
  readonly problems: string[];
}

function memberKey(checker: ts.TypeChecker, t: ts.Type, p: ts.Symbol): string {
  const owner = p.declarations?.[0]?.parent;
  const name =
    owner && (ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner))
      ? ts.isInterfaceDeclaration(owner)
        ? owner.name.text
        : checker.typeToString(t).slice(0, 40)
      : "?";
  return `${name}.${p.getName()}`;
}

/** Walks `value` with its type `t` and schema `s`, recording disagreements. */
function walk(w: Walk, value: Json, t: ts.Type, s: Schema, at: string): void {
  if (Array.isArray(value)) {
    const item = elementType(w.checker, t);
    const items = arraySchema(s);
    if (!item || !items) {
      w.problems.push(`${at}: an array, but the ${item ? "schema" : "types"} say otherwise`);
      return;
    }
    value.forEach((v, i) => walk(w, v, item, items, `${at}[${i}]`));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const keys = Object.keys(value);
  const types = objectTypes(t);
  const schemas = objectSchemas(s);
  // A map (`given`: fact name → value): the types' index signature, the schema's additionalProperties.
  const index = types.map((x) => x.getStringIndexType()).find(Boolean);
  const extra = schemas.map((x) => x.additionalProperties).find((x) => typeof x === "object");
  if (index && extra) {
    for (const k of keys) walk(w, value[k]!, index, extra as Schema, `${at}.${k}`);
    return;
  }
  // The union member (and schema alternative) that has every member of the object.
  const member = types.find((x) => fits(w.checker, x, value));
  const shape = schemas.find((x) => keys.every((k) => k in ((x.properties as object) ?? {})));
  if (!member || !shape) {
    w.problems.push(
      `${at}: members ${keys.join(", ")} are not all declared by the ${member ? "schema" : "types"}`,
    );
    return;
  }
  const declared = w.checker.getPropertiesOfType(member);
  for (const p of declared) {
    const key = memberKey(w.checker, member, p);
    if (!w.seen.get(key)) w.seen.set(key, keys.includes(p.getName()));
    if (!optional(p) && !keys.includes(p.getName()))
      w.problems.push(`${at}: the types require ${p.getName()}, which is missing`);
  }
  // Both sides declare the same members and require the same ones. A schema alternative may
  // stand for several union members (a fact's types): it declares what they declare together.
  const names = (x: ts.Type) => w.checker.getPropertiesOfType(x).map((p) => p.getName());
  const inSchema = new Set(Object.keys((shape.properties as object) ?? {}));
  const fitting = types.filter((x) => names(x).every((k) => inSchema.has(k)));
  const all = new Set((fitting.length > 0 ? fitting : [member]).flatMap(names));
  const differ = [...all]
    .filter((k) => !inSchema.has(k))
    .concat(
      [...inSchema].filter((k) => !all.has(k)),
      names(member).filter((k) => !inSchema.has(k)),
    );
  if (differ.length > 0)
    w.problems.push(`${at}: only one side declares ${[...new Set(differ)].sort().join(", ")}`);
  const required = declared.filter((p) => !optional(p)).map((p) => p.getName());
  const schemaRequired = (shape.required as string[] | undefined) ?? [];
  // Members the schema requires only under a condition (`if type is choice then values`).
  const conditional = new Set(
    ((shape.allOf as Schema[] | undefined) ?? []).flatMap(
      (x) => ((x.then as Schema | undefined)?.required as string[] | undefined) ?? [],
    ),
  );
  const mismatch = required
    .filter((k) => !schemaRequired.includes(k) && !conditional.has(k))
    .concat(schemaRequired.filter((k) => !required.includes(k)));
  if (mismatch.length > 0)
    w.problems.push(`${at}: required on one side only: ${mismatch.sort().join(", ")}`);
  for (const k of keys) {
    const p = member.getProperty(k)!;
    const pt = w.checker.getTypeOfSymbol(p);
    walk(w, value[k]!, pt, (shape.properties as Record<string, Schema>)[k]!, `${at}.${k}`);
  }
}

/** Every policy file in `rules/`, compiled through the project tier. */
function packBundles(): unknown[] {
  const files: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(new URL(dir, ROOT))) {
      const rel = `${dir}/${name}`;
      if (statSync(new URL(rel, ROOT)).isDirectory()) visit(rel);
      else if (name.endsWith(".precept")) files[rel] = readFileSync(new URL(rel, ROOT), "utf8");
    }
  };
  visit("rules");
  const workspace = new Workspace(memoryHost(files));
  return Object.keys(files)
    .map((uri) => workspace.build(uri).bundle)
    .filter((b) => b !== undefined);
}

/** Members the compiler never writes, with the reason. */
const NEVER_WRITTEN = new Set([
  // json-rules-engine's evaluation order hint: bundles may carry it, the compiler leaves it out.
  "TestCondition.priority",
  "AllCondition.priority",
  "AnyCondition.priority",
  "NotCondition.priority",
]);

describe("the bundle's types and its JSON Schema agree", () => {
  it("on the packs and on generated policies with every construct; the corpus covers every member", () => {
    const { checker, type } = bundleType();
    const corpus = [
      ...packBundles(),
      ...fc.sample(
        modelArbitrary({ maxRules: 6, constraints: true, presumptions: true }).map(compile),
        { numRuns: 300, seed: 8 },
      ),
    ];
    expect(corpus.length).toBeGreaterThan(300);
    const w: Walk = { checker, seen: new Map(), problems: [] };
    corpus.forEach((b, i) => walk(w, b as Json, type, schema, `bundle ${i}`));
    expect([...new Set(w.problems.map((p) => p.replace(/^bundle \d+/, "bundle")))]).toEqual([]);
    const unseen = [...w.seen]
      .filter(([k, seen]) => !seen && !NEVER_WRITTEN.has(k))
      .map(([k]) => k);
    expect(unseen).toEqual([]);
  });
});
