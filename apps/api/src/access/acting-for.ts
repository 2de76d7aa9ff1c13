/**
 * Arguments that name an organisation (`landlordId`, `filter.landlordIds`, `filter.organisationIds`…)
 * ask for that organisation's data. Naming one the caller may not act for is refused outright:
 * a GraphQL error with code FORBIDDEN, the argument in `extensions.field`, and HTTP status 403.
 *
 * Objects reached by their own ID (`node`, `nodes`, `dwelling`, an allocation file's shortlist…)
 * stay invisible instead (null, or left out of lists), so that their existence does not leak. The
 * decision here leaks nothing either: it depends only on the caller and the IDs given, never on
 * whether the organisation exists.
 */
import { GraphQLError } from "graphql";
import { isDeveloper, isLandlord, isMinistry, type Viewer } from "../identity/viewer.js";

/** In which capacity the argument's organisation is named. */
export type ActingAs = "LANDLORD" | "DEVELOPER" | "LANDLORD_OR_DEVELOPER";

/** The ministry acts for every organisation; a landlord or a developer for its own, in its own role. */
export function mayActFor(v: Viewer, organisationId: string, as: ActingAs): boolean {
  if (isMinistry(v)) return true;
  if (v.kind !== "apiKey" || v.organisationId !== organisationId) return false;
  if (as === "LANDLORD") return isLandlord(v);
  if (as === "DEVELOPER") return isDeveloper(v);
  return isLandlord(v) || isDeveloper(v);
}

const CAPACITY: Record<ActingAs, string> = { LANDLORD: "a social landlord", DEVELOPER: "a social developer", LANDLORD_OR_DEVELOPER: "a landlord or developer" };

/** FORBIDDEN, HTTP 403, naming the argument (e.g. "input.landlordId", "filter.landlordIds[1]"). */
export class ForbiddenArgumentError extends GraphQLError {
  constructor(
    readonly field: string,
    as: ActingAs,
  ) {
    super(
      `${field} names an organisation this API key may not act for: outside the ministry, a key reads the data of its own organisation only, as ${CAPACITY[as]}`,
      { extensions: { code: "FORBIDDEN", field, http: { status: 403 } } },
    );
  }
}

/**
 * Throws ForbiddenArgumentError unless the caller may act for every organisation (decoded IDs)
 * given in `argument`; nothing given, nothing checked.
 */
export function requireActingFor(v: Viewer, argument: string, organisationIds: string | readonly string[] | null | undefined, as: ActingAs): void {
  if (organisationIds == null) return;
  if (typeof organisationIds === "string") {
    if (!mayActFor(v, organisationIds, as)) throw new ForbiddenArgumentError(argument, as);
    return;
  }
  organisationIds.forEach((id, i) => {
    if (!mayActFor(v, id, as)) throw new ForbiddenArgumentError(`${argument}[${i}]`, as);
  });
}
