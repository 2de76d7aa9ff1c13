/**
 * One legal reference constructor per text and ONE formatter: every citation string in a result,
 * a user error's `rule` or a GraphQL `citation` field is `formatReference`. One label per source.
 */
import type { LegalReference, LegalTextId } from "./types.js";

/** The short label of each text in citations. */
export const TEXT_LABELS: Readonly<Record<LegalTextId, string>> = {
  LAW_2023: "law",
  BILL_8535: "bill 8535",
  /** The allocation regulation (règlement grand-ducal du 13 octobre 2023, location abordable). */
  RGD_2023_10_13: "RGD 13 Oct 2023",
  /** The compensation regulation (règlement grand-ducal du 24 janvier 2024, compensation de service public). */
  RGD_2024_01_24: "RGD 2024",
  ESCH_ROI: "Esch ROI",
};

type Detail = Omit<LegalReference, "text" | "article">;

export const reference = (text: LegalTextId, article: string, detail: Detail = {}): LegalReference => ({ text, article, ...detail });
export const lawRef = (article: string, detail: Detail = {}): LegalReference => reference("LAW_2023", article, detail);
export const billRef = (article: string, detail: Detail = {}): LegalReference => reference("BILL_8535", article, detail);
export const rgd2023Ref = (article: string, detail: Detail = {}): LegalReference => reference("RGD_2023_10_13", article, detail);
export const rgd2024Ref = (article: string, detail: Detail = {}): LegalReference => reference("RGD_2024_01_24", article, detail);
export const eschRef = (article: string, detail: Detail = {}): LegalReference => reference("ESCH_ROI", article, detail);

/** The divisions of an article: "§2 al. 1 3°". */
function divisions(r: { readonly paragraph?: string; readonly alinea?: string; readonly point?: string }): string {
  let s = "";
  if (r.paragraph) s += ` §${r.paragraph}`;
  if (r.alinea) s += ` al. ${r.alinea}`;
  if (r.point) s += ` ${r.point}`;
  return s;
}

/** "art. 13" or "annexe III". */
const articleOf = (article: string): string => (/^annex/i.test(article) ? article : `art. ${article}`);

/** The amended law article of a bill reference, "art. 63bis §1", or null. */
export function formatAmends(r: LegalReference): string | null {
  return r.amends ? `art. ${r.amends.article}${divisions(r.amends)}` : null;
}

/** "law art. 60 §2 al. 1", "bill 8535 art. 38 (→ art. 63bis §1)", "RGD 2024 art. 2 al. 3", "law annexe III". */
export function formatReference(r: {
  readonly text: LegalTextId | string;
  readonly article: string;
  readonly paragraph?: string;
  readonly alinea?: string;
  readonly point?: string;
  readonly amends?: LegalReference["amends"];
}): string {
  const label = TEXT_LABELS[r.text as LegalTextId] ?? r.text;
  const amends = r.amends ? ` (→ art. ${r.amends.article}${divisions(r.amends)})` : "";
  return `${label} ${articleOf(r.article)}${divisions(r)}${amends}`;
}

/** Several references: "law art. 13 §2 al. 1; RGD 2024 art. 1". */
export function formatReferences(refs: readonly Parameters<typeof formatReference>[0][]): string {
  return refs.map(formatReference).join("; ");
}
