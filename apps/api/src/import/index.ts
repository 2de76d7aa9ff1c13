/** The portfolio import (a landlord's dwellings, units and leases from CSV or XLSX): the mutation and its report. Imported once from src/schema.ts. */
import "./mutations/import-portfolio.js";
