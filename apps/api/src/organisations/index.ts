/** The organisations capability (social developers and landlords, the ministry; law art. 16, 38): the type and its mutations. Imported once from src/schema.ts. */
import "./types/organisation.js";
import "./mutations/organisations.js";
