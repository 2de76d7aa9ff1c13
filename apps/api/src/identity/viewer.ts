/**
 * Who is calling. An API key belongs to one organisation and carries one role; a request
 * without a key is anonymous and sees only the schema and the public rule computations.
 */
import type { Role } from "../generated/prisma/enums.js";

export type Viewer =
  | { readonly kind: "anonymous" }
  | { readonly kind: "apiKey"; readonly role: Role; readonly organisationId: string; readonly apiKeyId: string };

export const ANONYMOUS: Viewer = { kind: "anonymous" };

const roleOf = (v: Viewer): Role | undefined => (v.kind === "apiKey" ? v.role : undefined);

export const isMinistry = (v: Viewer): boolean => roleOf(v) === "MINISTRY_ADMIN" || roleOf(v) === "MINISTRY_ANALYST";
export const isMinistryAdmin = (v: Viewer): boolean => roleOf(v) === "MINISTRY_ADMIN";
export const isLandlord = (v: Viewer): boolean => roleOf(v) === "SOCIAL_LANDLORD";
export const isDeveloper = (v: Viewer): boolean => roleOf(v) === "SOCIAL_DEVELOPER";

/** The caller's organisation, or a value matching no row for the anonymous caller. */
export const organisationOf = (v: Viewer): string => (v.kind === "apiKey" ? v.organisationId : "00000000-0000-0000-0000-000000000000");
