/** The ministry's dashboards (maintained aggregates). Imported once from src/schema.ts. */
import "./queries/ministry.js";
