/**
 * Public-service compensation of the social developer (promoteur social): law art. 13 and RGD of
 * 24 January 2024 art. 1-2, as amended by bill 8535 art. 9 (retroactive from 2023-10-01, art. 93bis)
 * and bill art. 12 (art. 17 §1 al. 3, from the bill's entry into force).
 *
 * Per dwelling (bill: or accommodation unit) given in letting, per month:
 * - OPERATING_COST: the RGD 2024 art. 1 flat, prorated over the days let;
 * - CAPITAL_LAND / CAPITAL_CONSTRUCTION: capital × RGD 2024 art. 2 rate / 12, the capital limited
 *   to the developer's own contribution (art. 13 §3), adapted yearly to the cote (art. 13 §5), times
 *   the prefinancing coefficient of the service year when the developer asked for it (RGD art. 2 al. 3);
 * - EMPHYTEUSIS_DEDUCTION (bill): the annual emphyteusis fees received / 12, deducted from the land part;
 * - FONDS_DU_LOGEMENT_INDEMNITY (bill §3bis): 0.64 EUR/m²/month at cote 100 for the Fonds du
 *   Logement as developer when another landlord manages, on request.
 */
import type { Decimal } from "decimal.js";
import { ANNUAL_TO_MONTHLY_RULE, Dec, monthlyShareOfAnnual, parseDecimal, type DecimalInput } from "../money/decimal.js";
import { law, bill, rgd2024 } from "../parameters/data/builders.js";
import { assertIsoDate } from "../parameters/dates.js";
import { indexedAmountOf, decimalOf } from "../parameters/store.js";
import { resolveCote } from "../parameters/indices/resolve.js";
import type { IndexPointUsed } from "../parameters/indices/types.js";
import { lookupBracket } from "../parameters/tables.js";
import type { IsoDate, LegalReference, ParameterVersion } from "../parameters/types.js";
import {
  coveredDays,
  coveredDaysSplit,
  epochDay,
  firstDayOf,
  isoFromEpochDay,
  mergeRanges,
  monthIndex,
  monthOf,
  monthRange,
  monthsBetween,
  prorate,
  toDayRange,
  type DayRange,
  type MonthKey,
  type Period,
} from "./calendar.js";
import { art13AsAmended, assemble, billEntryDay, CompensationInputError, LineCollector, nonNegative, Resolver, retroactiveBillRules, ZERO } from "./rules.js";
import { compensationReadings } from "./readings.js";
import { indexOptionsOf, type CompensationOptions, type DedicatedCategory, type DeveloperKind, type DeveloperStatement, type Exclusion } from "./types.js";

export interface CapitalInput {
  /** Capital invested in the eligible costs of this part (land, or construction/renovation). */
  readonly capitalInvested: DecimalInput;
  /** The developer's own contribution to the financing of those eligible costs (art. 13 §3). */
  readonly ownContribution: DecimalInput;
}

export interface AccommodationUnitInput {
  readonly id: string;
  /** Periods during which the unit is given in letting (half-open). */
  readonly letPeriods: readonly Period[];
}

export interface DeveloperDwellingInput {
  readonly id: string;
  readonly dedicatedTo?: DedicatedCategory | null;
  /** Periods during which the dwelling as a whole is given in letting (to the social landlord), half-open. */
  readonly letPeriods?: readonly Period[];
  /** Bill art. 13 §2 al. 2: units let separately; under the law they only make the dwelling let. */
  readonly accommodationUnits?: readonly AccommodationUnitInput[];
  /** First letting of the dwelling (start of public service); default: the earliest let day. */
  readonly firstLettingDate?: IsoDate;
  /** Useful living area, for the Fonds du Logement indemnity (bill art. 13 §3bis). */
  readonly usefulLivingAreaM2?: DecimalInput;
  readonly land?: CapitalInput;
  readonly construction?: CapitalInput;
  /** RGD 2024 art. 2 al. 3: the developer's contribution comes from a bank loan and it asked for staggering. */
  readonly bankLoanPrefinancing?: boolean;
  /** Bill art. 12 (→ art. 17 §1 al. 3): annual emphyteusis fees this developer receives for the land of this dwelling. */
  readonly emphyteusisFeesReceivedPerYear?: DecimalInput;
}

export interface DeveloperStatementInput {
  readonly conventionId: string;
  readonly developer: { readonly id: string; readonly kind: DeveloperKind };
  /** Signature of the convention of art. 21 (date axis of the RGD 2024 amounts). */
  readonly conventionSignedOn: IsoDate;
  /** Bill art. 13 §3bis: the Fonds du Logement requested the indemnity for dwellings another landlord manages. */
  readonly fondsDuLogementIndemnity?: { readonly requested: boolean; readonly managedByAnotherLandlord: boolean };
  readonly year: number;
  /** Restrict to some months of `year` (inclusive); default the whole year. */
  readonly months?: { readonly from: MonthKey; readonly to: MonthKey };
  readonly dwellings: readonly DeveloperDwellingInput[];
}

// Rule references (articles, not figures).
const REF = {
  operatingLaw: [law("13", { paragraph: "2", alinea: "1" }), rgd2024("1")],
  operatingBill: [bill("9", { point: "2°", amends: { article: "13", paragraph: "2" } }), rgd2024("1")],
  fondsOperatingLaw: law("13", { paragraph: "2", alinea: "3" }),
  fondsOperatingBill: bill("9", { point: "2° d)", amends: { article: "13", paragraph: "2", alinea: "4" } }),
  protectionOperatingLaw: law("13", { paragraph: "2", alinea: "4" }),
  capitalExclusionLaw: law("13", { paragraph: "3", alinea: "2" }),
  capitalExclusionBill: bill("9", { point: "3°", amends: { article: "13", paragraph: "3", alinea: "2" } }),
  capitalLand: [law("13", { paragraph: "3" }), law("13", { paragraph: "5" }), rgd2024("2", { alinea: "1" })],
  capitalConstruction: [law("13", { paragraph: "3" }), law("13", { paragraph: "5" }), rgd2024("2", { alinea: "2" })],
  capitalLandBill: [law("13", { paragraph: "3" }), bill("9", { point: "6°", amends: { article: "13", paragraph: "5" } }), rgd2024("2", { alinea: "1" })],
  capitalConstructionBill: [
    law("13", { paragraph: "3" }),
    bill("9", { point: "6°", amends: { article: "13", paragraph: "5" } }),
    rgd2024("2", { alinea: "2" }),
  ],
  prefinancing: rgd2024("2", { alinea: "3" }),
  emphyteusis: [bill("12", { amends: { article: "17", paragraph: "1", alinea: "3" } })],
  fondsIndemnity: [bill("9", { point: "4°", amends: { article: "13", paragraph: "3bis" } })],
  rentCap: bill("9", { point: "1°", amends: { article: "13", paragraph: "1", alinea: "2" } }),
} satisfies Record<string, LegalReference | readonly LegalReference[]>;

const withPrefinancing = (refs: readonly LegalReference[], on: boolean): readonly LegalReference[] => (on ? [...refs, REF.prefinancing] : refs);

/**
 * Service year (« année d'exercice du service public », RGD 2024 art. 2 al. 3) of a month: public
 * service starts with the dwelling's first letting; the calendar month of the first letting is
 * month 1 of service year 1, and each service year is 12 consecutive calendar months. So service
 * year n covers months 12(n-1)+1 … 12n counted from the first letting's month.
 */
export function serviceYearOf(firstLettingDate: IsoDate, month: MonthKey): number {
  assertIsoDate(firstLettingDate, "first letting date");
  const k = monthIndex(monthOf(firstLettingDate), month);
  if (k < 0) throw new CompensationInputError(`month ${month} precedes the first letting (${firstLettingDate})`);
  return Math.floor(k / 12) + 1;
}

interface CapitalBases {
  land: Decimal;
  construction: Decimal;
}

/** Art. 13 §3: the capital taken into account is at most the developer's own contribution. */
export function capitalTakenIntoAccount(part: CapitalInput, what: string): Decimal {
  const invested = nonNegative(part.capitalInvested, `${what}: capital invested`);
  const own = nonNegative(part.ownContribution, `${what}: own contribution`);
  return Dec.min(invested, own);
}

/** The cote the capital remuneration is adapted to for `month`: yearly, on 1 January (README, interpretation notes). */
function capitalIndexation(refDate: IsoDate, month: MonthKey, options: CompensationOptions): { ref: IndexPointUsed; now: IndexPointUsed } {
  const series = options.indexSeries?.coteSeries;
  const ref = resolveCote(refDate, series);
  const year = Number(month.slice(0, 4));
  const now = year > Number(refDate.slice(0, 4)) ? resolveCote(`${year}-01-01`, series) : ref;
  return { ref, now };
}

/** Builds the developer statement for a convention and a year (or some months of it). Pure. */
export function buildDeveloperStatement(input: DeveloperStatementInput, options: CompensationOptions): DeveloperStatement {
  assertIsoDate(input.conventionSignedOn, "conventionSignedOn");
  const months = input.months ? monthsBetween(input.months.from, input.months.to) : monthsBetween(`${input.year}-01`, `${input.year}-12`);
  if (months.some((m) => Number(m.slice(0, 4)) !== input.year))
    throw new CompensationInputError(`months ${input.months?.from}..${input.months?.to} are not all in ${input.year}`);
  const resolver = new Resolver(options);
  const readings = compensationReadings(options);
  const indexOptions = indexOptionsOf(options);
  // Art. 93bis scope reading: under ART_13_PAR_2_3_ONLY, art. 13 §1, §3bis and §5 as amended apply
  // only from the bill's entry into force (+Infinity under LAW; -Infinity = retroactive to 2023-10-01).
  const art13OtherParsFrom = !art13AsAmended(options)
    ? Number.POSITIVE_INFINITY
    : readings.art93bisScopeReading === "WHOLE_ART_13"
      ? Number.NEGATIVE_INFINITY
      : billEntryDay(options, "art. 13 §1, §3bis, §5 (art. 93bis read as §2-3 only)");
  const out = new LineCollector();
  const exclusions: Exclusion[] = [];
  const kind = input.developer.kind;
  const signed = input.conventionSignedOn;
  const ids = new Set<string>();

  for (const dw of input.dwellings) {
    if (ids.has(dw.id)) throw new CompensationInputError(`dwelling ${dw.id} listed twice`);
    ids.add(dw.id);
    const units = (dw.accommodationUnits ?? []).map((u) => ({
      id: u.id,
      ranges: mergeRanges(u.letPeriods.map((p) => toDayRange(p, `unit ${u.id} let period`))),
    }));
    const dwellingRanges = mergeRanges([...(dw.letPeriods ?? []).map((p) => toDayRange(p, `dwelling ${dw.id} let period`)), ...units.flatMap((u) => u.ranges)]);
    const firstLetDay = dwellingRanges[0]?.from;
    let firstLetting = dw.firstLettingDate;
    if (firstLetting !== undefined) {
      assertIsoDate(firstLetting, `dwelling ${dw.id} first letting`);
      if (firstLetDay !== undefined && firstLetDay < epochDay(firstLetting))
        throw new CompensationInputError(`dwelling ${dw.id}: let from ${isoFromEpochDay(firstLetDay)}, before its first letting date ${firstLetting}`);
    } else if (firstLetDay !== undefined) firstLetting = isoFromEpochDay(firstLetDay);

    // --- Operating-cost cover (art. 13 §2; RGD 2024 art. 1)
    const billOperating = art13AsAmended(options);
    let operatingExcluded: Exclusion | null = null;
    if (kind === "FONDS_DU_LOGEMENT")
      operatingExcluded = {
        objectId: dw.id,
        component: "OPERATING_COST",
        reason: "Fonds du Logement excluded from the operating-cost cover",
        article: billOperating ? "bill 8535 art. 9 2° (→ art. 13 §2 al. 4)" : "law art. 13 §2 al. 3",
      };
    else if (!billOperating && dw.dedicatedTo === "INTERNATIONAL_PROTECTION")
      operatingExcluded = {
        objectId: dw.id,
        component: "OPERATING_COST",
        reason: "dwelling dedicated to international protection excluded from the operating-cost cover (law only)",
        article: "law art. 13 §2 al. 4",
      };
    if (operatingExcluded) exclusions.push(operatingExcluded);
    else {
      const flat = resolver.resolve("compensation.developer.operatingCostFlat", signed);
      // Bill « par logement ou par unité d'hébergement »: per unit only under the PER_UNIT reading (readings.ts).
      const perUnit = billOperating && units.length > 0 && readings.flatUnitReading === "PER_UNIT";
      const objects = perUnit
        ? units.map((u) => ({ id: u.id, kind: "ACCOMMODATION_UNIT" as const, ranges: u.ranges }))
        : [{ id: dw.id, kind: "DWELLING" as const, ranges: dwellingRanges }];
      const refs = billOperating ? REF.operatingBill : REF.operatingLaw;
      for (const obj of objects)
        for (const month of months) {
          const window = monthRange(month);
          const days = coveredDays(obj.ranges, window);
          if (days === 0) continue;
          const amount = indexedAmountOf(flat, firstDayOf(month), indexOptions);
          const monthDays = window.to - window.from;
          out.add({
            dwellingId: dw.id,
            objectId: obj.id,
            objectKind: obj.kind,
            month,
            component: "OPERATING_COST",
            ruleId: perUnit ? "compensation.developer.operatingCost.perAccommodationUnit" : "compensation.developer.operatingCost.perDwelling",
            references: refs,
            inputs: { monthlyFlat: amount.value.toString(), daysLet: String(days), daysInMonth: String(monthDays), conventionSignedOn: signed },
            versions: [flat.version],
            indices: amount.index ? [amount.index] : [],
            exact: prorate(amount.value, days, monthDays),
            interpretationNotes: ["rgd-2024-convention-date", "compensation-proration"],
          });
        }
    }

    // --- Capital remuneration (art. 13 §3-5; RGD 2024 art. 2)
    const hasCapital = dw.land !== undefined || dw.construction !== undefined;
    if (hasCapital) {
      const billCapital = art13AsAmended(options);
      const excluded = billCapital ? kind === "FONDS_DU_LOGEMENT" : kind !== "OTHER";
      if (excluded) {
        exclusions.push(
          {
            objectId: dw.id,
            component: "CAPITAL_LAND",
            reason: `${kind} excluded from the capital remuneration`,
            article: billCapital ? "bill 8535 art. 9 3° (→ art. 13 §3 al. 2)" : "law art. 13 §3 al. 2",
          },
          {
            objectId: dw.id,
            component: "CAPITAL_CONSTRUCTION",
            reason: `${kind} excluded from the capital remuneration`,
            article: billCapital ? "bill 8535 art. 9 3° (→ art. 13 §3 al. 2)" : "law art. 13 §3 al. 2",
          },
        );
      } else {
        if (firstLetting === undefined) continue; // never let: no month of public service, no line
        const bases: CapitalBases = {
          land: dw.land ? capitalTakenIntoAccount(dw.land, `dwelling ${dw.id} land`) : ZERO,
          construction: dw.construction ? capitalTakenIntoAccount(dw.construction, `dwelling ${dw.id} construction`) : ZERO,
        };
        // Law: amount fixed at the convention's signature; bill: from the first letting (art. 13 §5 al. 1 as amended),
        // for every month under WHOLE_ART_13, from the bill's entry into force under ART_13_PAR_2_3_ONLY.
        const refDateOf = (month: MonthKey): IsoDate => (epochDay(firstDayOf(month)) >= art13OtherParsFrom ? firstLetting! : signed);
        const landRate = resolver.resolve("compensation.developer.capitalRemuneration.landRate", signed);
        const constructionRate = resolver.resolve("compensation.developer.capitalRemuneration.constructionRate", signed);
        const prefinancing = dw.bankLoanPrefinancing ? resolver.resolve("compensation.developer.prefinancingCoefficient", signed) : null;
        const fees =
          dw.emphyteusisFeesReceivedPerYear !== undefined ? nonNegative(dw.emphyteusisFeesReceivedPerYear, `dwelling ${dw.id} emphyteusis fees`) : ZERO;
        const emphyteusisDay = fees.isZero() ? Number.POSITIVE_INFINITY : billEntryDay(options, "art. 17 §1 al. 3 (bill art. 12)");

        for (const month of months) {
          const window = monthRange(month);
          const days = coveredDays(dwellingRanges, window);
          if (days === 0) continue;
          const monthDays = window.to - window.from;
          const serviceYear = serviceYearOf(firstLetting, month);
          let coefficient: Decimal = new Dec(1);
          const versionsExtra: ParameterVersion[] = [];
          if (prefinancing) {
            const scale = prefinancing.value;
            if (typeof scale === "string" || scale.kind !== "brackets") throw new CompensationInputError("prefinancing coefficient is not a bracket scale");
            coefficient = new Dec(lookupBracket(scale, String(serviceYear)).value);
            versionsExtra.push(prefinancing.version);
          }
          const refDate = refDateOf(month);
          const billIndexation = refDate !== signed || epochDay(firstDayOf(month)) >= art13OtherParsFrom;
          const { ref, now } = capitalIndexation(refDate, month, options);
          let landExact: Decimal | null = null;
          for (const part of ["land", "construction"] as const) {
            const base = bases[part];
            if ((part === "land" ? dw.land : dw.construction) === undefined) continue;
            const rate = part === "land" ? landRate : constructionRate;
            const rateValue = decimalOf(rate);
            // RGD 2024 art. 2: an annual remuneration (« taux … par an »; coefficient « appliqué
            // annuellement »): annual = base × rate% × cote(now)/cote(ref) × coefficient, multiplied
            // first, one division. It is spread over the months of the service year by the one rule
            // of money/ (cumulative twelfths), so that 12 months sum exactly to it; a month let for
            // part of its days gets its share prorated.
            const annual = base.times(rateValue).times(now.value).times(coefficient).dividedBy(new Dec(100).times(ref.value));
            const monthOfServiceYear = (monthIndex(monthOf(firstLetting), month) % 12) + 1;
            const monthly = monthlyShareOfAnnual(annual, monthOfServiceYear);
            const exact = days === monthDays ? monthly : prorate(monthly, days, monthDays);
            if (part === "land") landExact = exact;
            out.add({
              dwellingId: dw.id,
              objectId: dw.id,
              objectKind: "DWELLING",
              month,
              component: part === "land" ? "CAPITAL_LAND" : "CAPITAL_CONSTRUCTION",
              ruleId: part === "land" ? "compensation.developer.capitalRemuneration.land" : "compensation.developer.capitalRemuneration.construction",
              references: withPrefinancing(
                part === "land"
                  ? billIndexation
                    ? REF.capitalLandBill
                    : REF.capitalLand
                  : billIndexation
                    ? REF.capitalConstructionBill
                    : REF.capitalConstruction,
                prefinancing !== null,
              ),
              inputs: {
                capitalTakenIntoAccount: base.toString(),
                annualRatePercent: rateValue.toString(),
                indexReferenceDate: refDate,
                coteReference: ref.value,
                coteApplied: now.value,
                serviceYear: String(serviceYear),
                prefinancingCoefficient: prefinancing ? coefficient.toString() : null,
                annualAmount: annual.toString(),
                monthOfServiceYear: String(monthOfServiceYear),
                annualToMonthly: ANNUAL_TO_MONTHLY_RULE,
                monthlyAmount: monthly.toFixed(2),
                daysLet: String(days),
                daysInMonth: String(monthDays),
              },
              versions: [rate.version, ...versionsExtra],
              indices: ref === now ? [ref] : [ref, now],
              exact,
              interpretationNotes: [
                "rgd-2024-convention-date",
                "compensation-service-year",
                "compensation-capital-indexation",
                "compensation-capital-annual-amount",
                "compensation-proration",
              ],
            });
          }
          // --- Emphyteusis fees received, deducted from the land part (bill art. 12 → art. 17 §1 al. 3)
          if (landExact !== null && emphyteusisDay !== Number.POSITIVE_INFINITY) {
            const { after } = coveredDaysSplit(dwellingRanges, window, emphyteusisDay);
            if (after > 0) {
              const monthlyFee = fees.dividedBy(12);
              const raw = prorate(monthlyFee, after, monthDays);
              const deduction = Dec.min(raw, landExact);
              out.add({
                dwellingId: dw.id,
                objectId: dw.id,
                objectKind: "DWELLING",
                month,
                component: "EMPHYTEUSIS_DEDUCTION",
                ruleId: "compensation.developer.emphyteusisDeduction",
                references: REF.emphyteusis,
                inputs: {
                  annualFeesReceived: fees.toString(),
                  monthlyFees: monthlyFee.toString(),
                  daysFromEntryIntoForce: String(after),
                  daysInMonth: String(monthDays),
                  landPartOfMonth: landExact.toString(),
                  cappedAtLandPart: !deduction.equals(raw),
                },
                versions: [],
                exact: deduction.negated(),
                interpretationNotes: ["compensation-emphyteusis-deduction", "compensation-proration"],
              });
            }
          }
        }
      }
    }

    // --- Fonds du Logement indemnity (bill art. 9 4° → art. 13 §3bis)
    const fonds = input.fondsDuLogementIndemnity;
    if (kind === "FONDS_DU_LOGEMENT" && fonds?.requested && fonds.managedByAnotherLandlord) {
      if (!art13AsAmended(options)) {
        exclusions.push({
          objectId: dw.id,
          component: "FONDS_DU_LOGEMENT_INDEMNITY",
          reason: "no indemnity for the Fonds du Logement as developer under the law (introduced by the bill)",
          article: "bill 8535 art. 9 4° (→ art. 13 §3bis)",
        });
      } else {
        if (dw.usefulLivingAreaM2 === undefined)
          throw new CompensationInputError(`dwelling ${dw.id}: useful living area required for the Fonds du Logement indemnity (art. 13 §3bis)`);
        const area = nonNegative(dw.usefulLivingAreaM2, `dwelling ${dw.id} useful living area`);
        const indemnityRanges = art13OtherParsFrom === Number.NEGATIVE_INFINITY ? dwellingRanges : intersectRanges(dwellingRanges, art13OtherParsFrom);
        for (const month of months) {
          const window = monthRange(month);
          const days = coveredDays(indemnityRanges, window);
          if (days === 0) continue;
          const monthDays = window.to - window.from;
          const param = resolver.resolve("compensation.fondsDuLogement.indemnity", firstDayOf(month));
          const perM2 = indexedAmountOf(param, firstDayOf(month), indexOptions);
          const monthly = perM2.value.times(area);
          out.add({
            dwellingId: dw.id,
            objectId: dw.id,
            objectKind: "DWELLING",
            month,
            component: "FONDS_DU_LOGEMENT_INDEMNITY",
            ruleId: "compensation.fondsDuLogement.indemnity",
            references: REF.fondsIndemnity,
            inputs: {
              perM2AtCote: perM2.nominal,
              perM2InForce: perM2.value.toString(),
              usefulLivingAreaM2: area.toString(),
              daysLet: String(days),
              daysInMonth: String(monthDays),
            },
            versions: [param.version],
            indices: perM2.index ? [perM2.index] : [],
            exact: prorate(monthly, days, monthDays),
            interpretationNotes: ["compensation-proration"],
          });
        }
      }
    }
  }

  const totals = assemble(
    out.lines,
    input.dwellings.map((d) => d.id),
  );
  return {
    schema: "abordable.compensation-statement/1",
    kind: "DEVELOPER",
    subjectId: input.conventionId,
    year: input.year,
    months: { from: months[0]!, to: months[months.length - 1]! },
    regime: options.regime,
    bill8535EntryIntoForce: options.bill8535EntryIntoForce ?? null,
    readings,
    proration: "ACTUAL_DAYS_OVER_DAYS_IN_MONTH",
    rounding: "LINE_CENT_HALF_UP",
    developer: { id: input.developer.id, kind },
    conventionSignedOn: signed,
    lines: out.lines,
    subtotals: { byDwelling: totals.byDwelling, byComponent: totals.byComponent },
    total: totals.total,
    exclusions,
    parameters: out.parameters,
    references: out.references,
    rules: out.rules,
  };
}

export interface RentCapCheck {
  /** False under the law: the cap is introduced by the bill (art. 13 §1 al. 2, retroactive from 2023-10-01). */
  readonly applies: boolean;
  readonly rentReceived: string;
  readonly compensation: string;
  readonly withinCap: boolean;
  /** rentReceived − compensation when positive, else "0.00". */
  readonly excess: string;
  readonly article: string;
  /** The art. 93bis scope reading applied (readings.ts). */
  readonly art93bisScopeReading: string;
}

/**
 * Bill art. 9 1° (→ art. 13 §1 al. 2): « Le loyer perçu par le promoteur social ne peut pas dépasser
 * le montant de la compensation de service public ». Compare the rent received over a period with
 * the compensation of the same period (e.g. a developer statement's total).
 */
export function checkDeveloperRentCap(
  args: { rentReceived: DecimalInput; compensation: DecimalInput; date: IsoDate },
  options: CompensationOptions,
): RentCapCheck {
  const rent = parseDecimal(args.rentReceived);
  const comp = parseDecimal(args.compensation);
  // Art. 13 §1 al. 2 is retroactive under WHOLE_ART_13; under ART_13_PAR_2_3_ONLY it applies from the bill's entry into force.
  const applies =
    retroactiveBillRules(options, args.date) &&
    (compensationReadings(options).art93bisScopeReading === "WHOLE_ART_13" ||
      epochDay(args.date) >= billEntryDay(options, "art. 13 §1 al. 2 (art. 93bis read as §2-3 only)"));
  const excess = Dec.max(rent.minus(comp), 0);
  return {
    applies,
    rentReceived: rent.toFixed(2),
    compensation: comp.toFixed(2),
    withinCap: !applies || excess.isZero(),
    excess: applies ? excess.toFixed(2) : "0.00",
    article: "bill 8535 art. 9 1° (→ art. 13 §1 al. 2)",
    art93bisScopeReading: compensationReadings(options).art93bisScopeReading,
  };
}

/** The days of `ranges` on or after epoch day `from`. */
function intersectRanges(ranges: readonly DayRange[], from: number): DayRange[] {
  return ranges.filter((r) => r.to > from).map((r) => ({ from: Math.max(r.from, from), to: r.to }));
}

export type { DayRange };
