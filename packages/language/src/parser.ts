/**
 * The grammar, as a Chevrotain CST parser. `build.ts` turns the CST into the AST of `ast.ts`.
 *
 * The grammar is newline-insensitive: phrases end at a hard keyword or punctuation, so
 * `when on clinic premises and personal capacity then prohibit` reads the same on one line or
 * several. Clauses of a rule may come in any order; the checker reports missing or repeated ones.
 */
import {
  CstParser,
  EOF,
  getLookaheadPaths,
  type IOrAlt,
  type IToken,
  type LookaheadSequence,
  NoViableAltException,
  type TokenType,
  tokenMatcher,
} from "chevrotain";
import { isMonthName } from "./dates.js";
import { messages } from "./parser-messages.js";
import * as T from "./tokens.js";

type Alternatives = IOrAlt<unknown>[];

/** Parser internals that Chevrotain 11 has but does not declare. */
interface Internals {
  getCurrRuleFullName(): string;
  SAVE_ERROR(error: Error): Error;
}

const MAX_LOOKAHEAD = 3;

export class PreceptParser extends CstParser {
  // Alternatives built once and reused (Chevrotain's documented pattern): allocating them on every
  // rule call shows up as garbage-collection time on large policies.
  private declarationAlts?: Alternatives;
  private ruleIdAlts?: Alternatives;
  private clauseAlts?: Alternatives;
  private unaryAlts?: Alternatives;
  private testAlts?: Alternatives;
  private isAlts?: Alternatives;
  private compareAlts?: Alternatives;
  private valueAlts?: Alternatives;
  private includesAlts?: Alternatives;
  private quantifierAlts?: Alternatives;
  private dateAlts?: Alternatives;
  private phraseWords?: { GATE: () => boolean; DEF: () => void };

  constructor() {
    super([...T.ALL_TOKENS], {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      maxLookahead: MAX_LOOKAHEAD,
      errorMessageProvider: messages,
    });
    this.performSelfAnalysis();
  }

  /** What each alternative of a choice could start with, per rule and choice: see below. */
  private readonly alternativePaths = new Map<string, LookaheadSequence[]>();

  /**
   * Chevrotain's own version recomputes the grammar's lookahead paths for every error, which took
   * about a millisecond per error (20 KB of broken rules: a second). The paths depend only on the
   * rule and the choice, so they are computed once.
   */
  protected raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never {
    const internals = this as unknown as Internals;
    const ruleName = internals.getCurrRuleFullName();
    const key = `${ruleName}#${occurrence}`;
    let paths = this.alternativePaths.get(key);
    if (!paths) {
      paths = getLookaheadPaths({
        occurrence,
        rule: this.getGAstProductions()[ruleName]!,
        prodType: "Alternation",
        maxLookahead: MAX_LOOKAHEAD,
      });
      this.alternativePaths.set(key, paths);
    }
    const actual: IToken[] = [];
    for (let i = 1; i <= MAX_LOOKAHEAD; i++) actual.push(this.LA(i));
    const previous = this.LA(0);
    const message = messages.buildNoViableAltMessage({
      expectedPathsPerAlt: paths,
      actual,
      previous,
      ...(errMsgTypes === undefined ? {} : { customUserDescription: errMsgTypes }),
      ruleName,
    });
    throw internals.SAVE_ERROR(new NoViableAltException(message, this.LA(1), previous));
  }

  /** True when the next tokens start a clause that a phrase must not swallow. */
  private phraseEnds(): boolean {
    const next = this.LA(1);
    const after = this.LA(2);
    if (tokenMatcher(next, T.By))
      return tokenMatcher(after, T.Rule) || tokenMatcher(after, T.Rules);
    // `in force from …` starts a clause.
    if (tokenMatcher(next, T.In)) return tokenMatcher(after, T.Force);
    return false;
  }

  public phrase = this.RULE("phrase", () => {
    this.CONSUME(T.Word);
    // The hottest rule (every name): its options are built once, like the cached alternatives.
    this.MANY(
      (this.phraseWords ??= {
        GATE: () => !this.phraseEnds(),
        DEF: () => this.CONSUME2(T.NamePart, { LABEL: "Word" }),
      }),
    );
  });

  public policy = this.RULE("policy", () => {
    this.OPTION(() => this.SUBRULE(this.header));
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  public header = this.RULE("header", () => {
    this.CONSUME(T.Policy);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "title" }));
    this.OPTION2(() => {
      this.CONSUME(T.Version);
      this.OR([
        { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: "version" }) },
        { ALT: () => this.CONSUME(T.NumberLike, { LABEL: "version" }) },
      ]);
    });
    this.OPTION3(() => {
      this.CONSUME(T.Extends);
      this.SUBRULE(this.baseline);
      // Several baselines: `extends "a" as a and "b" as b` (a comma works too).
      this.MANY(() => {
        this.OR2([{ ALT: () => this.CONSUME(T.And) }, { ALT: () => this.CONSUME(T.Comma) }]);
        this.SUBRULE2(this.baseline);
      });
    });
    // `in force from … until …` on the policy line dates the whole layer.
    this.OPTION4(() => this.SUBRULE(this.inForce));
  });

  /** `in force from <date> until <date>`, of a rule, an exception or a whole layer. */
  public inForce = this.RULE("inForce", () => {
    this.CONSUME(T.In);
    this.CONSUME(T.Force);
    this.OPTION(() => {
      this.CONSUME(T.From);
      this.SUBRULE(this.value, { LABEL: "from" });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Until);
      this.SUBRULE2(this.value, { LABEL: "until" });
    });
  });

  public baseline = this.RULE("baseline", () => {
    this.CONSUME(T.StringLiteral, { LABEL: "target" });
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.CONSUME(T.Word, { LABEL: "alias" });
    });
  });

  public declaration = this.RULE("declaration", () => {
    this.OR(
      (this.declarationAlts ??= [
        { ALT: () => this.SUBRULE(this.source) },
        { ALT: () => this.SUBRULE(this.outcomes) },
        { ALT: () => this.SUBRULE(this.fact) },
        { ALT: () => this.SUBRULE(this.term) },
        { ALT: () => this.SUBRULE(this.rule) },
        { ALT: () => this.SUBRULE(this.override) },
        { ALT: () => this.SUBRULE(this.disable) },
        { ALT: () => this.SUBRULE(this.layerDefault) },
        { ALT: () => this.SUBRULE(this.amend) },
        { ALT: () => this.SUBRULE(this.provided) },
        { ALT: () => this.SUBRULE(this.endProvided) },
        { ALT: () => this.SUBRULE(this.exception) },
        { ALT: () => this.SUBRULE(this.scenario) },
        { ALT: () => this.SUBRULE(this.constraint) },
      ]),
    );
  });

  public source = this.RULE("source", () => {
    this.CONSUME(T.Source);
    this.SUBRULE(this.phrase, { LABEL: "id" });
    this.CONSUME(T.Colon);
    this.CONSUME(T.StringLiteral, { LABEL: "title" });
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.OR([
        { ALT: () => this.SUBRULE2(this.phrase, { LABEL: "publisher" }) },
        { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: "publisher" }) },
      ]);
    });
    this.OPTION2(() => {
      this.CONSUME2(T.Comma);
      this.CONSUME(T.NumberLike, { LABEL: "year" });
    });
  });

  public outcomes = this.RULE("outcomes", () => {
    this.CONSUME(T.Outcomes);
    this.OPTION(() => this.CONSUME(T.Comma));
    this.OPTION2(() => {
      this.CONSUME(T.Strongest);
      this.CONSUME(T.First);
    });
    this.CONSUME(T.Colon);
    this.MANY(() => this.SUBRULE(this.outcomeEntry));
    this.OPTION3(() => {
      this.CONSUME(T.Otherwise);
      this.SUBRULE2(this.phrase, { LABEL: "otherwise" });
      this.OPTION4(() => this.CONSUME(T.StringLiteral, { LABEL: "otherwiseMeaning" }));
      // A reason is a layer's (`otherwise X because …`): parsed here so the checker can say so.
      this.OPTION5(() => {
        this.CONSUME(T.Because);
        this.CONSUME2(T.StringLiteral, { LABEL: "otherwiseReason" });
      });
    });
  });

  public outcomeEntry = this.RULE("outcomeEntry", () => {
    this.SUBRULE(this.phrase);
    this.CONSUME(T.StringLiteral);
  });

  public fact = this.RULE("fact", () => {
    this.CONSUME(T.Fact);
    this.SUBRULE(this.phrase);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.factType);
    this.MANY(() => this.SUBRULE(this.describe));
  });

  public factType = this.RULE("factType", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.One);
          this.CONSUME(T.Of);
          this.SUBRULE(this.phrase, { LABEL: "values" });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.phrase, { LABEL: "values" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Any);
          this.CONSUME2(T.Of);
          this.SUBRULE4(this.phrase, { LABEL: "setValues" });
          this.MANY2(() => {
            this.CONSUME2(T.Comma);
            this.SUBRULE5(this.phrase, { LABEL: "setValues" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Also);
          this.SUBRULE6(this.phrase, { LABEL: "addedValues" });
          this.MANY3(() => {
            this.CONSUME3(T.Comma);
            this.SUBRULE7(this.phrase, { LABEL: "addedValues" });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Yes);
          this.CONSUME(T.Or);
          this.CONSUME(T.No);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.NumberType);
          this.OPTION(() => {
            this.CONSUME(T.LParen);
            this.SUBRULE3(this.phrase, { LABEL: "unit" });
            this.CONSUME(T.RParen);
          });
        },
      },
      { ALT: () => this.CONSUME(T.TextType) },
      { ALT: () => this.CONSUME(T.DateType) },
    ]);
  });

  /** `asks "…"`, `means "…"` or `presume <value> ["what it means"]`. */
  public describe = this.RULE("describe", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Asks) }, { ALT: () => this.CONSUME(T.Means) }]);
          this.CONSUME(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Presume);
          this.SUBRULE(this.value, { LABEL: "presumed" });
          this.MANY(() => {
            this.CONSUME(T.And);
            this.SUBRULE2(this.value, { LABEL: "presumed" });
          });
          this.OPTION(() => this.CONSUME2(T.StringLiteral, { LABEL: "presumption" }));
        },
      },
    ]);
  });

  public term = this.RULE("term", () => {
    this.CONSUME(T.Term);
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "name" }) },
      { ALT: () => this.SUBRULE(this.phrase, { LABEL: "name" }) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.condition);
    this.OPTION(() => {
      this.CONSUME(T.Means);
      this.CONSUME2(T.StringLiteral, { LABEL: "meaning" });
    });
  });

  public ruleId = this.RULE("ruleId", () => {
    this.OR(
      (this.ruleIdAlts ??= [
        { ALT: () => this.CONSUME(T.NumberLike) },
        { ALT: () => this.CONSUME(T.Word) },
      ]),
    );
  });

  public rule = this.RULE("rule", () => {
    this.CONSUME(T.Rule);
    this.SUBRULE(this.ruleId);
    this.SUBRULE(this.ruleBody);
  });

  public override = this.RULE("override", () => {
    this.CONSUME(T.Override);
    this.CONSUME(T.Rule);
    this.SUBRULE(this.ruleId);
    this.SUBRULE(this.ruleBody);
  });

  /** What follows a rule's id: title, the one-line form, clauses in any order. */
  public ruleBody = this.RULE("ruleBody", () => {
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "title" }));
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE(this.condition);
      this.CONSUME(T.Arrow);
      this.SUBRULE(this.phrase, { LABEL: "outcome" });
    });
    this.MANY(() => this.SUBRULE(this.ruleClause));
  });

  public ruleClause = this.RULE("ruleClause", () => {
    this.OR(
      (this.clauseAlts ??= [
        {
          ALT: () => {
            this.CONSUME(T.Cites);
            this.SUBRULE(this.citation);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.When);
            this.SUBRULE(this.condition);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Then);
            this.SUBRULE(this.phrase, { LABEL: "outcome" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Because);
            this.CONSUME(T.StringLiteral, { LABEL: "reason" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Advise);
            this.CONSUME2(T.StringLiteral, { LABEL: "advice" });
          },
        },
        { ALT: () => this.SUBRULE(this.inForce) },
        {
          ALT: () => {
            this.CONSUME(T.Unless);
            this.SUBRULE2(this.condition, { LABEL: "unlessCondition" });
            this.OPTION(() => {
              this.CONSUME(T.Arrow);
              this.SUBRULE2(this.phrase, { LABEL: "unlessOutcome" });
            });
          },
        },
      ]),
    );
  });

  public citation = this.RULE("citation", () => {
    this.CONSUME(T.Word, { LABEL: "source" });
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.SectionSign) }, { ALT: () => this.CONSUME(T.Section) }]);
      this.OR2([
        { ALT: () => this.CONSUME(T.NumberLike, { LABEL: "section" }) },
        { ALT: () => this.CONSUME2(T.Word, { LABEL: "section" }) },
      ]);
    });
    this.OPTION2(() => this.CONSUME(T.StringLiteral, { LABEL: "quote" }));
  });

  public disable = this.RULE("disable", () => {
    this.CONSUME(T.Disable);
    this.CONSUME(T.Rule);
    this.SUBRULE(this.ruleId);
    this.OPTION(() => {
      this.CONSUME(T.Because);
      this.CONSUME(T.StringLiteral, { LABEL: "reason" });
    });
  });

  /** `otherwise <outcome> because "…"`: a layer's own default outcome. */
  public layerDefault = this.RULE("layerDefault", () => {
    this.CONSUME(T.Otherwise);
    this.SUBRULE(this.phrase, { LABEL: "outcome" });
    this.OPTION(() => {
      this.CONSUME(T.Because);
      this.CONSUME(T.StringLiteral, { LABEL: "reason" });
    });
  });

  /** `amend rule X` with clauses that add to baseline rule X (the checker allows only those). */
  public amend = this.RULE("amend", () => {
    this.CONSUME(T.Amend);
    this.CONSUME(T.Rule);
    this.SUBRULE(this.ruleId);
    this.MANY(() => this.SUBRULE(this.ruleClause));
  });

  /** `provided <condition>:` opens a block: each rule up to `end provided` has this condition too. */
  public provided = this.RULE("provided", () => {
    this.CONSUME(T.Provided);
    this.SUBRULE(this.condition);
    this.CONSUME(T.Colon);
  });

  /** `end provided` closes the block (`end` is an ordinary word elsewhere). */
  public endProvided = this.RULE("endProvided", () => {
    this.CONSUME(T.Word, { LABEL: "end" });
    this.CONSUME(T.Provided);
  });

  public exception = this.RULE("exception", () => {
    this.CONSUME(T.Exception);
    this.CONSUME(T.To);
    this.CONSUME(T.Rule);
    this.SUBRULE(this.ruleId);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "title" }));
    this.MANY(() => this.SUBRULE(this.ruleClause));
  });

  /** `constraint "title": condition [→ condition]`: what every fact set must satisfy. */
  public constraint = this.RULE("constraint", () => {
    this.CONSUME(T.Constraint);
    this.CONSUME(T.StringLiteral, { LABEL: "title" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.condition, { LABEL: "condition" });
    this.OPTION(() => {
      this.CONSUME(T.Arrow);
      this.SUBRULE2(this.condition, { LABEL: "consequence" });
    });
  });

  public scenario = this.RULE("scenario", () => {
    this.CONSUME(T.Scenario);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "title" }));
    this.OPTION2(() => {
      this.CONSUME(T.As);
      this.CONSUME(T.Of);
      this.SUBRULE(this.value, { LABEL: "asOf" });
    });
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Given);
            this.SUBRULE(this.assignment);
            this.MANY2(() => {
              this.CONSUME(T.Comma);
              this.SUBRULE2(this.assignment);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Expect);
            this.SUBRULE(this.expectation);
          },
        },
      ]),
    );
  });

  public assignment = this.RULE("assignment", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.phrase, { LABEL: "fact" });
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.phrase, { LABEL: "fact" });
          this.OPTION(() => {
            this.CONSUME(T.Is);
            this.SUBRULE(this.value);
            // Several values of a several-valued fact: `content is personal and work`.
            this.MANY(() => {
              this.CONSUME(T.And);
              this.SUBRULE2(this.value, { LABEL: "also" });
            });
          });
        },
      },
    ]);
  });

  /**
   * One `expect` line: the decision (`X`, `at least X`, `one of X, Y`, `undetermined …`, each
   * outcome form optionally `by rule …` and `not by rule …`), or a line of its own: `advice "…"`,
   * `also applies R`, `not by rule R`.
   */
  public expectation = this.RULE("expectation", () => {
    this.OR([
      {
        GATE: () => tokenMatcher(this.LA(2), T.StringLiteral),
        ALT: () => {
          this.CONSUME(T.Advice);
          this.CONSUME(T.StringLiteral, { LABEL: "advice" });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.CONSUME2(T.StringLiteral, { LABEL: "advice" });
          });
        },
      },
      {
        GATE: () => tokenMatcher(this.LA(2), T.Applies),
        ALT: () => {
          this.CONSUME(T.Also);
          this.CONSUME(T.Applies);
          this.OPTION5(() =>
            this.OR3([{ ALT: () => this.CONSUME2(T.Rule) }, { ALT: () => this.CONSUME2(T.Rules) }]),
          );
          this.SUBRULE(this.ruleId, { LABEL: "applies" });
          this.MANY2(() => {
            this.CONSUME2(T.Comma);
            this.SUBRULE2(this.ruleId, { LABEL: "applies" });
          });
        },
      },
      { ALT: () => this.SUBRULE(this.notByRules) },
      {
        ALT: () => {
          this.CONSUME(T.Undetermined);
          this.OPTION(() => {
            this.OR2([{ ALT: () => this.CONSUME(T.Needs) }, { ALT: () => this.CONSUME(T.Asking) }]);
            this.SUBRULE(this.phrase, { LABEL: "needs" });
            this.MANY3(() => {
              this.CONSUME3(T.Comma);
              this.SUBRULE2(this.phrase, { LABEL: "needs" });
            });
          });
        },
      },
      {
        GATE: () => tokenMatcher(this.LA(1), T.At) && tokenMatcher(this.LA(2), T.Least),
        IGNORE_AMBIGUITIES: true,
        ALT: () => {
          this.CONSUME(T.At);
          this.CONSUME(T.Least);
          this.SUBRULE3(this.phrase, { LABEL: "atLeast" });
          // `at least decline, allow`: read, so the checker can say it takes one outcome.
          this.MANY6(() => {
            this.CONSUME6(T.Comma);
            this.SUBRULE8(this.phrase, { LABEL: "alsoOutcome" });
          });
          this.SUBRULE(this.decidedBy);
        },
      },
      {
        GATE: () => tokenMatcher(this.LA(1), T.One) && tokenMatcher(this.LA(2), T.Of),
        IGNORE_AMBIGUITIES: true,
        ALT: () => {
          this.CONSUME(T.One);
          this.CONSUME(T.Of);
          this.SUBRULE4(this.phrase, { LABEL: "oneOf" });
          this.MANY4(() => {
            this.CONSUME4(T.Comma);
            this.SUBRULE5(this.phrase, { LABEL: "oneOf" });
          });
          this.SUBRULE2(this.decidedBy);
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        ALT: () => {
          this.SUBRULE6(this.phrase, { LABEL: "outcome" });
          // `expect caution, allow`: read, so the checker can say `one of caution, allow`.
          this.MANY5(() => {
            this.CONSUME5(T.Comma);
            this.SUBRULE7(this.phrase, { LABEL: "alsoOutcome" });
          });
          this.SUBRULE3(this.decidedBy);
        },
      },
    ]);
  });

  /** After an expected outcome: `by rule …` (exactly these decide), `not by rule …` (these do not). */
  public decidedBy = this.RULE("decidedBy", () => {
    this.OPTION(() => {
      this.CONSUME(T.By);
      this.OR([{ ALT: () => this.CONSUME(T.Rule) }, { ALT: () => this.CONSUME(T.Rules) }]);
      this.SUBRULE(this.ruleId);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.ruleId);
      });
    });
    this.OPTION2(() => this.SUBRULE(this.notByRules));
  });

  /** `not by rule 3.6, 3.7`: none of these rules (or their exceptions) decides. */
  public notByRules = this.RULE("notByRules", () => {
    this.CONSUME(T.Not);
    this.CONSUME(T.By);
    this.OR([{ ALT: () => this.CONSUME(T.Rule) }, { ALT: () => this.CONSUME(T.Rules) }]);
    this.SUBRULE(this.ruleId, { LABEL: "notBy" });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.ruleId, { LABEL: "notBy" });
    });
  });

  // ------------------------------------------------------------ conditions

  public condition = this.RULE("condition", () => {
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  public conjunction = this.RULE("conjunction", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.unary);
    });
  });

  public unary = this.RULE("unary", () => {
    this.OR(
      (this.unaryAlts ??= [
        {
          ALT: () => {
            this.CONSUME(T.Not);
            this.SUBRULE(this.unary);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.condition);
            this.CONSUME(T.RParen);
          },
        },
        { ALT: () => this.SUBRULE(this.test) },
      ]),
    );
  });

  /** A phrase, optionally compared: `relationship is colleague`, `age < 18`, `x is one of a, b`. */
  public test = this.RULE("test", () => {
    this.SUBRULE(this.phrase, { LABEL: "subject" });
    this.OPTION(() =>
      this.OR(
        (this.testAlts ??= [
          {
            ALT: () => {
              this.CONSUME(T.Is);
              this.OPTION2(() => this.CONSUME(T.Not));
              this.OR2(
                (this.isAlts ??= [
                  {
                    // `before 2024-09-01`, `after today`; `after care` stays a value.
                    GATE: () => this.beforeOrAfter(1),
                    ALT: () => {
                      this.OR7([
                        { ALT: () => this.CONSUME(T.Before, { LABEL: "dateOperator" }) },
                        { ALT: () => this.CONSUME(T.After, { LABEL: "dateOperator" }) },
                      ]);
                      this.SUBRULE(this.dateOperand);
                    },
                  },
                  {
                    GATE: () =>
                      tokenMatcher(this.LA(1), T.On) &&
                      tokenMatcher(this.LA(2), T.Or) &&
                      (tokenMatcher(this.LA(3), T.Before) || tokenMatcher(this.LA(3), T.After)),
                    ALT: () => {
                      this.CONSUME(T.On);
                      this.CONSUME(T.Or);
                      this.OR8([
                        { ALT: () => this.CONSUME2(T.Before, { LABEL: "dateOperator" }) },
                        { ALT: () => this.CONSUME2(T.After, { LABEL: "dateOperator" }) },
                      ]);
                      this.SUBRULE2(this.dateOperand);
                    },
                  },
                  {
                    GATE: () =>
                      tokenMatcher(this.LA(1), T.Within) && tokenMatcher(this.LA(2), T.NumberLike),
                    ALT: () => {
                      this.CONSUME(T.Within);
                      this.CONSUME(T.NumberLike, { LABEL: "amount" });
                      this.CONSUME(T.Word, { LABEL: "unit" });
                    },
                  },
                  {
                    GATE: () => tokenMatcher(this.LA(1), T.One) && tokenMatcher(this.LA(2), T.Of),
                    ALT: () => {
                      this.CONSUME(T.One);
                      this.CONSUME(T.Of);
                      this.SUBRULE(this.value, { LABEL: "members" });
                      this.MANY(() => {
                        this.CONSUME(T.Comma);
                        this.SUBRULE2(this.value, { LABEL: "members" });
                      });
                    },
                  },
                  { ALT: () => this.SUBRULE3(this.value) },
                ]),
              );
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Includes);
              this.OR5(
                (this.includesAlts ??= [
                  {
                    // `includes any of …`, but `includes member of staff` is a value.
                    GATE: () =>
                      tokenMatcher(this.LA(2), T.Of) &&
                      (tokenMatcher(this.LA(1), T.Any) ||
                        tokenMatcher(this.LA(1), T.All) ||
                        tokenMatcher(this.LA(1), T.None)),
                    ALT: () => {
                      this.OR6(
                        (this.quantifierAlts ??= [
                          { ALT: () => this.CONSUME(T.Any, { LABEL: "quantifier" }) },
                          { ALT: () => this.CONSUME(T.All, { LABEL: "quantifier" }) },
                          { ALT: () => this.CONSUME(T.None, { LABEL: "quantifier" }) },
                        ]),
                      );
                      this.CONSUME2(T.Of);
                      this.SUBRULE5(this.value, { LABEL: "included" });
                      this.MANY2(() => {
                        this.CONSUME2(T.Comma);
                        this.SUBRULE6(this.value, { LABEL: "included" });
                      });
                    },
                  },
                  { ALT: () => this.SUBRULE7(this.value, { LABEL: "included" }) },
                ]),
              );
            },
          },
          {
            ALT: () => {
              this.OR3(
                (this.compareAlts ??= [
                  { ALT: () => this.CONSUME(T.Less, { LABEL: "compare" }) },
                  { ALT: () => this.CONSUME(T.LessEqual, { LABEL: "compare" }) },
                  { ALT: () => this.CONSUME(T.Greater, { LABEL: "compare" }) },
                  { ALT: () => this.CONSUME(T.GreaterEqual, { LABEL: "compare" }) },
                ]),
              );
              this.SUBRULE4(this.value);
            },
          },
        ]),
      ),
    );
  });

  /** `before`/`after` at `k` followed by something that starts a date. */
  private beforeOrAfter(k: number): boolean {
    const t = this.LA(k);
    if (!tokenMatcher(t, T.Before) && !tokenMatcher(t, T.After)) return false;
    const next = this.LA(k + 1);
    return tokenMatcher(next, T.NumberLike) || tokenMatcher(next, T.Today);
  }

  /**
   * `2 years ago`, `30 days from today`, or a value: `2024-09-01`, `1 September 2024`, `today`
   * (a phrase, which the checker reads as the decision date).
   */
  public dateOperand = this.RULE("dateOperand", () => {
    this.OR(
      (this.dateAlts ??= [
        {
          GATE: () => tokenMatcher(this.LA(2), T.Word) && tokenMatcher(this.LA(3), T.Ago),
          ALT: () => {
            this.CONSUME(T.NumberLike, { LABEL: "amount" });
            this.CONSUME(T.Word, { LABEL: "unit" });
            this.CONSUME(T.Ago);
          },
        },
        {
          GATE: () =>
            tokenMatcher(this.LA(2), T.Word) &&
            tokenMatcher(this.LA(3), T.From) &&
            tokenMatcher(this.LA(4), T.Today),
          ALT: () => {
            this.CONSUME2(T.NumberLike, { LABEL: "amount" });
            this.CONSUME2(T.Word, { LABEL: "unit" });
            this.CONSUME(T.From);
            this.CONSUME2(T.Today);
          },
        },
        { ALT: () => this.SUBRULE(this.value) },
      ]),
    );
  });

  public value = this.RULE("value", () => {
    this.OR(
      (this.valueAlts ??= [
        {
          // `1 September 2024`: a day, a month's name and a year.
          GATE: () =>
            tokenMatcher(this.LA(2), T.Word) &&
            tokenMatcher(this.LA(3), T.NumberLike) &&
            isMonthName(this.LA(2).image),
          ALT: () => {
            this.CONSUME2(T.NumberLike, { LABEL: "day" });
            this.CONSUME2(T.Word, { LABEL: "month" });
            this.CONSUME3(T.NumberLike, { LABEL: "year" });
          },
        },
        { ALT: () => this.CONSUME(T.NumberLike) },
        { ALT: () => this.CONSUME(T.StringLiteral) },
        { ALT: () => this.SUBRULE(this.phrase) },
      ]),
    );
  });
}

/** One parser instance, reused: building it runs grammar analysis, which is slow. */
export const parser = new PreceptParser();

/** The names of the parser's rules, for content assist. */
export type GrammarRule = keyof PreceptParser & string;

export function isToken(token: IToken | undefined, type: TokenType): boolean {
  return token !== undefined && token.tokenType !== EOF && tokenMatcher(token, type);
}
