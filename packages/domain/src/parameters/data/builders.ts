/**
 * Legal-reference constructors for the engines' citations (compensation rules cite the article
 * they apply). The parameters themselves are data: `parameters/<id>.json`.
 */
import type { LegalReference } from "../types.js";

type RefDetail = Omit<LegalReference, "text" | "article">;
export const law = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "LAW_2023", article, ...detail });
export const bill = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "BILL_8535", article, ...detail });
export const rgd2024 = (article: string, detail: RefDetail = {}): LegalReference => ({ text: "RGD_2024_01_24", article, ...detail });
