/**
 * Materialises the versions of one parameter under one regime, with concrete dates.
 *
 * LAW: the law versions as entered.
 * BILL_8535: the law versions up to the moment the bill takes effect for this provision, then the
 * bill versions. The bill takes effect at the operator-set entry-into-force date, except for
 * art. 13 and art. 40 §2-3 which "produisent leurs effets au 1er octobre 2023" (art. 93bis,
 * inserted by bill art. 49): there the bill versions replace the law's from 2023-10-01.
 */
import { DomainError, type DomainErrorCode } from "../law/errors.js";
import { assertIsoDate } from "./dates.js";
import { BILL_RETROACTIVE_FROM, type IsoDate, type ParameterDefinition, type ParameterVersion, type RegimeOptions } from "./types.js";

/** A parameter has no usable version: NOT_IN_FORCE by default; REGIME_NOT_CONFIGURED without the bill's date; DATA_DEFECT for inconsistent data. */
export class ParameterResolutionError extends DomainError {
  constructor(
    readonly parameterId: string,
    detail: string,
    code: DomainErrorCode = "NOT_IN_FORCE",
  ) {
    super(code, `parameter "${parameterId}": ${detail}`, { subject: parameterId });
    this.name = "ParameterResolutionError";
  }
}

/** The date from which the bill's text applies to `def`, or null when the bill leaves it unchanged. */
export function billStartFor(def: ParameterDefinition, options: RegimeOptions): IsoDate | null {
  if (def.bill === "UNCHANGED") return null;
  if (def.bill.start === "RETROACTIVE_93BIS") return BILL_RETROACTIVE_FROM;
  const eif = options.bill8535EntryIntoForce;
  if (eif === undefined)
    throw new ParameterResolutionError(
      def.id,
      "regime BILL_8535 needs bill8535EntryIntoForce (operator setting): this provision changes at the bill's entry into force",
      "REGIME_NOT_CONFIGURED",
    );
  assertIsoDate(eif, "bill8535EntryIntoForce");
  // The bill amends a law in force since 2023-10-01; an earlier entry into force is a settings error.
  if (eif <= BILL_RETROACTIVE_FROM)
    throw new ParameterResolutionError(
      def.id,
      `bill8535EntryIntoForce ${eif} is not after the law's entry into force (${BILL_RETROACTIVE_FROM})`,
      "REGIME_NOT_CONFIGURED",
    );
  return eif;
}

export function materialise(def: ParameterDefinition, options: RegimeOptions): ParameterVersion[] {
  const base = { parameterId: def.id, regime: options.regime, unit: def.unit };
  const lawVersions: ParameterVersion[] = def.law.map((v) => ({ ...base, ...v, origin: "LAW" }));
  if (options.regime === "LAW") return lawVersions;

  const start = billStartFor(def, options);
  if (start === null || def.bill === "UNCHANGED") return lawVersions;

  const before = lawVersions.filter((v) => v.validFrom < start).map((v) => (v.validTo === null || v.validTo > start ? { ...v, validTo: start } : v));
  const billVersions: ParameterVersion[] = def.bill.versions.map((v, i) => {
    const validFrom = i === 0 ? start : v.validFrom!;
    if (v.validTo !== null && v.validTo <= validFrom)
      throw new ParameterResolutionError(def.id, `bill version ${i} ends (${v.validTo}) before the bill takes effect (${validFrom})`);
    return { ...base, ...v, validFrom, origin: "BILL_8535" };
  });
  return [...before, ...billVersions];
}
