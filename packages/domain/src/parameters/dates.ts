/** Dates are the kernel's calendar (src/law/calendar.ts); this module only re-exports what the parameter store uses. */
export { addDays, assertIsoDate, compareDates, inPeriod, isIsoDate } from "../law/calendar.js";
