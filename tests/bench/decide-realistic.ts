/**
 * The realistic benchmark policy (realistic.precept) written by hand twice more, independently of
 * the compiler: as json-rules-engine rules the way an embedder would write them, and as a plain JS
 * function. decide.ts checks that all of them agree with Precept before timing anything.
 */
import { STRENGTH } from "./decide-generated.js";

type Test = { fact: string; operator: string; value: unknown };
type Cond = Test | { all: Cond[] } | { any: Cond[] } | { not: Cond };

const is = (fact: string, value: unknown): Test => ({ fact, operator: "equal", value });
const oneOf = (fact: string, value: unknown[]): Test => ({ fact, operator: "in", value });
const lt = (fact: string, value: number): Test => ({ fact, operator: "lessThan", value });
const gte = (fact: string, value: number): Test => ({
  fact,
  operator: "greaterThanInclusive",
  value,
});
const any = (...c: Cond[]): Cond => ({ any: c });

const SU = oneOf("other person", ["current service user", "former service user"]);
const PC = is("capacity", "personal");
const PRO = is("capacity", "professional");
const ID = oneOf("identifiability", ["direct", "indirect"]);
const PUB = oneOf("channel", ["public site", "own profile"]);
const CHILD = lt("age", 18);
const SHARE = is("activity", "sharing material");
const CONNECT = is("activity", "connecting");
const INTERACT = is("activity", "interacting");
const GIFT = is("activity", "accepting a gift");
const RECRUIT = is("activity", "recruiting");
const other = (v: string) => is("other person", v);
const content = (v: string) => is("content", v);

const rule = (name: string, outcome: string, ...all: Cond[]) => ({
  name,
  conditions: { all },
  event: { type: outcome, params: { rule: name, strength: STRENGTH[outcome] } },
});

export const handRules = [
  rule("1.1", "prohibit", SHARE, ID, is("explicit permission", false)),
  rule("1.2", "prohibit", SHARE, content("confidential")),
  rule("1.3", "seek advice", SHARE, ID, is("explicit permission", true)),
  rule("1.4", "caution", SHARE, is("identifiability", "indirect"), PUB),
  rule("2.1", "prohibit", SHARE, content("abusive")),
  rule("2.2", "decline", SHARE, content("discreditable"), PUB),
  rule("2.3", "caution", SHARE, content("discreditable"), is("channel", "closed group")),
  rule("2.4", "caution", SHARE, content("personal"), is("privacy settings", "open")),
  rule("2.5", "allow", SHARE, content("personal"), is("privacy settings", "restricted")),
  rule("2.6", "allow", SHARE, content("professional"), PRO),
  rule(
    "2.7",
    "seek advice",
    SHARE,
    content("professional"),
    PC,
    is("channel", "organisational account"),
  ),
  rule("3.1", "decline", CONNECT, other("current service user"), PC),
  rule(
    "3.2",
    "caution",
    CONNECT,
    other("former service user"),
    PC,
    gte("months since discharge", 24),
  ),
  rule(
    "3.2#1",
    "decline",
    CONNECT,
    other("former service user"),
    PC,
    lt("months since discharge", 24),
  ),
  rule("3.3", "seek advice", CONNECT, other("current service user"), PRO),
  rule("3.4", "caution", CONNECT, other("supervisor"), PC),
  rule("3.5", "allow", CONNECT, other("colleague")),
  rule("3.6", "allow", CONNECT, other("member of the public"), PC),
  rule("3.7", "prohibit", CONNECT, SU, CHILD),
  rule(
    "3.8",
    "decline",
    CONNECT,
    SU,
    is("vulnerable", true),
    any(PC, is("employer approval", false)),
  ),
  rule("4.1", "decline", INTERACT, other("current service user"), PC),
  rule("4.2", "caution", INTERACT, other("former service user"), PC),
  rule("4.3", "seek advice", INTERACT, SU, is("channel", "private message")),
  rule("4.4", "caution", INTERACT, other("colleague"), content("discreditable")),
  rule("4.5", "prohibit", INTERACT, CHILD, PC),
  rule(
    "4.6",
    "seek advice",
    INTERACT,
    PRO,
    is("channel", "organisational account"),
    is("employer approval", false),
  ),
  rule("5.1", "seek advice", GIFT, SU),
  rule("5.2", "decline", GIFT, other("current service user"), is("vulnerable", true)),
  rule("5.3", "allow", GIFT, other("colleague")),
  rule("6.1", "seek advice", RECRUIT, is("employer approval", false)),
  rule("6.2", "decline", RECRUIT, SU, any(is("employer approval", false), PC)),
  rule("6.2#1", "caution", RECRUIT, SU, is("employer approval", true), PRO),
  rule("6.3", "prohibit", RECRUIT, CHILD),
  rule("6.4", "allow", RECRUIT, is("employer approval", true), PRO, PUB),
];

export type RealisticFacts = {
  readonly activity: string;
  readonly capacity: string;
  readonly channel: string;
  readonly "other person": string;
  readonly content: string;
  readonly identifiability: string;
  readonly "explicit permission": boolean;
  readonly "privacy settings": string;
  readonly age: number;
  readonly vulnerable: boolean;
  readonly "employer approval": boolean;
  readonly "months since discharge": number;
};

/** The same policy as a function: strongest outcome first, first match wins. */
export function decideByHand(f: RealisticFacts): string {
  const a = f.activity;
  const o = f["other person"];
  const su = o === "current service user" || o === "former service user";
  const pc = f.capacity === "personal";
  const pro = f.capacity === "professional";
  const id = f.identifiability === "direct" || f.identifiability === "indirect";
  const pub = f.channel === "public site" || f.channel === "own profile";
  const child = f.age < 18;
  const approved = f["employer approval"];
  const share = a === "sharing material";
  const connect = a === "connecting";
  const interact = a === "interacting";
  const gift = a === "accepting a gift";
  const recruit = a === "recruiting";

  if (
    (share && id && !f["explicit permission"]) ||
    (share && f.content === "confidential") ||
    (share && f.content === "abusive") ||
    (connect && su && child) ||
    (interact && child && pc) ||
    (recruit && child)
  ) {
    return "prohibit";
  }
  if (
    (share && f.content === "discreditable" && pub) ||
    (connect && o === "current service user" && pc) ||
    (connect && o === "former service user" && pc && f["months since discharge"] < 24) ||
    (connect && su && f.vulnerable && !(pro && approved)) ||
    (interact && o === "current service user" && pc) ||
    (gift && o === "current service user" && f.vulnerable) ||
    (recruit && su && !(approved && pro))
  ) {
    return "decline";
  }
  if (
    (share && id && f["explicit permission"]) ||
    (share && f.content === "professional" && pc && f.channel === "organisational account") ||
    (connect && o === "current service user" && pro) ||
    (interact && su && f.channel === "private message") ||
    (interact && pro && f.channel === "organisational account" && !approved) ||
    (gift && su) ||
    (recruit && !approved)
  ) {
    return "seek advice";
  }
  if (
    (share && f.identifiability === "indirect" && pub) ||
    (share && f.content === "discreditable" && f.channel === "closed group") ||
    (share && f.content === "personal" && f["privacy settings"] === "open") ||
    (connect && o === "former service user" && pc && f["months since discharge"] >= 24) ||
    (connect && o === "supervisor" && pc) ||
    (interact && o === "former service user" && pc) ||
    (interact && o === "colleague" && f.content === "discreditable") ||
    (recruit && su && approved && pro)
  ) {
    return "caution";
  }
  if (
    (share && f.content === "personal" && f["privacy settings"] === "restricted") ||
    (share && f.content === "professional" && pro) ||
    (connect && o === "colleague") ||
    (connect && o === "member of the public" && pc) ||
    (gift && o === "colleague") ||
    (recruit && approved && pro && pub)
  ) {
    return "allow";
  }
  return "no guidance";
}

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;

/** Complete fact sets drawn evenly from each fact's values. */
export function realisticFacts(count: number, random: () => number): RealisticFacts[] {
  const out: RealisticFacts[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      activity: pick(
        ["sharing material", "connecting", "interacting", "accepting a gift", "recruiting"],
        random,
      ),
      capacity: pick(["personal", "professional"], random),
      channel: pick(
        ["own profile", "public site", "closed group", "private message", "organisational account"],
        random,
      ),
      "other person": pick(
        [
          "current service user",
          "former service user",
          "colleague",
          "supervisor",
          "member of the public",
        ],
        random,
      ),
      content: pick(
        ["personal", "professional", "abusive", "discreditable", "confidential"],
        random,
      ),
      identifiability: pick(["direct", "indirect", "none"], random),
      "explicit permission": random() < 0.5,
      "privacy settings": pick(["restricted", "open"], random),
      age: pick([10, 16, 17, 18, 30, 70], random),
      vulnerable: random() < 0.3,
      "employer approval": random() < 0.5,
      "months since discharge": pick([3, 12, 23, 24, 36], random),
    });
  }
  return out;
}
