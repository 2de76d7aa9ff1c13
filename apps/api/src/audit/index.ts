/** The audit trail and the personal-data access records as the ministry reads them. Imported once from src/schema.ts. */
import "./types/audit-event.js";
import "./types/personal-data-access.js";
