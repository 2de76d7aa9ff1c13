/**
 * Public check that the flats paid (RGD 24 January 2024 art. 1 and 3) respect the law's ceilings
 * (art. 13 §2 al. 1, art. 40 §2 al. 1) indexed on a date, under either regime. No stored data.
 */
import { checkFlatsAgainstCeilings, citeVersion, parameterKey, type FlatCeilingCheck } from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import { CompensationRegimeEnum } from "../types/enums.js";
import { LegalRegimeEnum, ParameterVersionRef as ParameterVersionUsedRef, useInstead } from "../../schema/law.js";
import { indexSeriesOf } from "../../indices/series.js";
import { IndexPointUsedRef } from "../../indices/types.js";
import { chooseRegime, REGIME_DEPRECATION } from "../../schema/regime-arg.js";
import { badUserInput } from "../../schema/domain-errors.js";
import { domainGraphQLError, toDomainError } from "../../schema/domain-errors.js";
import { ParameterVersionRef } from "../types/trace.js";
import { optionsOf } from "./calculators.js";

const FlatCeilingCheckRef = builder.objectRef<FlatCeilingCheck>("CompensationFlatCeilingCheck").implement({
  description: "A flat of the RGD of 24 January 2024 compared with the ceiling of the law it must respect, on a date.",
  fields: (t) => ({
    article: t.exposeString("article", { description: "The rule: which flat within which ceiling." }),
    flat: t.field({ type: "Decimal", description: "The flat paid, EUR per month per dwelling (or unit under the bill).", resolve: (c) => c.flat }),
    ceiling: t.field({
      type: "Decimal",
      description: "The ceiling in force on the date, indexed to the construction-price index of its semester, unrounded.",
      resolve: (c) => c.ceiling,
    }),
    within: t.exposeBoolean("within", { description: "flat ≤ ceiling, compared exactly." }),
    constructionIndex: t.field({
      type: "Decimal",
      nullable: true,
      description: "Construction-price index used (semester of the date).",
      resolve: (c) => c.index?.value ?? null,
    }),
    constructionIndexPoint: t.field({
      type: IndexPointUsedRef,
      nullable: true,
      description:
        "The « indice semestriel des prix de la construction » used (semester of the date, law art. 13 §2 al. 1 / art. 40 §2 al. 1), with its source (built in or recorded by an operator).",
      resolve: (c) => c.index,
    }),
    unconfirmedIndexAfter: t.field({
      type: "Date",
      nullable: true,
      description:
        "Set when the ceiling rests on an index value resolved after its series' « known until » day (this day); null when confirmed (a semester is never assumed: a missing one is an INDEX_MISSING error).",
      resolve: (c) => c.index?.unconfirmedAfter ?? null,
    }),
    flatParameter: t.field({
      type: ParameterVersionUsedRef,
      description: "Version of the flat parameter (RGD 24 January 2024 art. 1 or 3).",
      resolve: (c) => citeVersion(c.flatVersion),
    }),
    ceilingParameter: t.field({
      type: ParameterVersionUsedRef,
      description: "Version of the ceiling parameter (law art. 13 §2 al. 1 or art. 40 §2 al. 1).",
      resolve: (c) => citeVersion(c.ceilingVersion),
    }),
    flatVersion: t.field({
      type: ParameterVersionRef,
      description: "Version of the flat parameter.",
      deprecationReason: useInstead("flatParameter"),
      resolve: (c) => ({ key: parameterKey(c.flatVersion), version: citeVersion(c.flatVersion) }),
    }),
    ceilingVersion: t.field({
      type: ParameterVersionRef,
      description: "Version of the ceiling parameter.",
      deprecationReason: useInstead("ceilingParameter"),
      resolve: (c) => ({ key: parameterKey(c.ceilingVersion), version: citeVersion(c.ceilingVersion) }),
    }),
  }),
});

builder.queryField("compensationFlatCeilingChecks", (t) =>
  t.field({
    type: [FlatCeilingCheckRef],
    description:
      "Checks the flats of the RGD of 24 January 2024 against the ceilings of law art. 13 §2 and art. 40 §2 on a date, under a regime. Public. Uses the « indice semestriel des prix de la construction » with the semesters operators recorded (recordIndexValue); fails with BAD_USER_INPUT (userErrorCode INDEX_MISSING, field `date`) naming the semester when it is not recorded (it is never guessed).",
    authScopes: () => true,
    args: {
      conventionSignedOn: t.arg({ type: "Date", required: true, description: "Signature of the convention (the RGD flats apply from 1 October 2023)." }),
      date: t.arg({ type: "Date", required: true, description: "Date the ceiling is indexed on." }),
      regime: t.arg({
        type: CompensationRegimeEnum,
        required: false,
        deprecationReason: REGIME_DEPRECATION,
        description: "Regime (default LAW). Deprecated: give legalRegime; both given must agree.",
      }),
      legalRegime: t.arg({ type: LegalRegimeEnum, required: false, description: "Régime légal (loi du 7 août 2023, or bill 8535); default LAW." }),
    },
    resolve: async (_r, args, ctx) => {
      const series = await indexSeriesOf(ctx);
      const chosen = chooseRegime(args.regime, args.legalRegime, "LAW");
      if ("conflict" in chosen) throw badUserInput(chosen.conflict, "legalRegime");
      const options = optionsOf({ regime: chosen.regime }, ctx);
      try {
        return checkFlatsAgainstCeilings(args.conventionSignedOn, args.date, options, { coteSeries: series.cote, constructionSeries: series.construction });
      } catch (e) {
        // A missing semester is the index of `date`: the error names that argument (and the semester, in its message).
        const d = toDomainError(e);
        if (d) throw domainGraphQLError(d, d.code === "INDEX_MISSING" ? { field: "date" } : { fields: ["conventionSignedOn", "date"] });
        throw e;
      }
    },
  }),
);
