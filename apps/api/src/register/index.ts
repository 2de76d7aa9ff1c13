/** The national register (registre national des logements abordables, law art. 74): candidates and households, their mutations and the data report. Imported once from src/schema.ts. */
import "./types/household.js";
import "./types/candidate.js";
import "./mutations/candidates.js";
import "./mutations/data-report.js";
