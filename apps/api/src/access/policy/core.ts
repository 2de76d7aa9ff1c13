/**
 * The reference policy's primitives, shared by access/policy.ts and its parts per capability
 * (policy/allocation.ts, registry.ts, compensation.ts): decoding a named global ID and the refusal.
 * A refusal is NOT_FOUND on the field, worded the same whether the row is missing, another
 * organisation's or not usable for the purpose (issue 12, findings 2 and 5).
 */
import type { Prisma } from "../../generated/prisma/client.js";
import { Problems, UserErrorsAbort } from "../../schema/user-errors.js";
import { checkId } from "../../schema/validate.js";

export type Tx = Prisma.TransactionClient;

/** What the caller means to do with the row it names; the refusal's wording follows it. */
export type Purpose =
  | "CHANGE"
  | "LET"
  | "ATTACH_DWELLING"
  | "RECEIVE_TRANSFER"
  | "OFFER_REHOUSING"
  | "DECIDE_TRANSFER"
  | "DECIDE_REHOUSING_CONSENT"
  | "SIGN_LEASE"
  | "PROPOSE"
  | "DELIBERATE_ON";

const VERB: Record<Purpose, string> = {
  CHANGE: "change",
  LET: "let",
  ATTACH_DWELLING: "attach a dwelling to",
  RECEIVE_TRANSFER: "transfer a dwelling to",
  OFFER_REHOUSING: "offer in this rehousing",
  DECIDE_TRANSFER: "accept or decline",
  DECIDE_REHOUSING_CONSENT: "consent to",
  SIGN_LEASE: "sign a lease with",
  PROPOSE: "propose",
  DELIBERATE_ON: "deliberate on",
};

export function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

/** The uniform refusal: the same words whether the row is missing, another organisation's or not usable for the purpose. */
export function refuse(p: Problems, field: string, noun: string, purpose: Purpose): never {
  p.add(field, "NOT_FOUND", `${field}: no ${noun} with this ID that you may ${VERB[purpose]}`);
  fail(p);
}

/** Decodes a global ID of `type`, or fails on the field (INVALID_ID). */
export function decode(p: Problems, field: string, globalId: string | number, type: string): string {
  const id = checkId(p, field, globalId, type);
  if (!id) fail(p);
  return id;
}

/** A refusal with the field's own wording (NOT_FOUND), for rows whose refusal message predates the purposes. */
export function refuseWith(field: string, message: string): never {
  const p = new Problems();
  p.add(field, "NOT_FOUND", message);
  fail(p);
}
