/**
 * Domain errors in the compensation adapters: the API's one mapping (schema/domain-errors.ts), by
 * code. Kept as this capability's entry point so that its resolvers import one module.
 */
export { badUserInput, computeOrBadInput, domainErrorMessage as domainMessage, domainUserError, isUserFacingDomainError as isDomainInputError } from "../schema/domain-errors.js";
