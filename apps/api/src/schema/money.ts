/** Money leaves the API as a fixed two-decimal string (cents), whatever the column's scale. */
import { Dec } from "@abordable/domain";

export function moneyString(value: { toFixed(): string } | null | undefined): string | null {
  return value == null ? null : new Dec(value.toFixed()).toFixed(2);
}
