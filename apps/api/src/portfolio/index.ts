/** The portfolio capability (dwellings, accommodation units, municipalities; law art. 12, bill art. 13 §2): its types, the one-statement dwelling page, and its mutations. Imported once from src/schema.ts. */
import "./types/municipality.js";
import "./types/dwelling.js";
import "./types/accommodation-unit.js";
import "./mutations/dwellings.js";
import "./mutations/units.js";
import "./mutations/facts.js";
