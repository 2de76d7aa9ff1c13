/** The conventions capability (financing and compensation conventions, projects; law art. 8-9, 40): types and mutations. Imported once from src/schema.ts. */
import "./types/convention.js";
import "./types/project.js";
import "./mutations/conventions.js";
