/**
 * How long the register keeps a candidate's personal data after the last application closed.
 * The law sets no figure for the register's data (art. 74-75 say what it holds, not for how
 * long), so none is invented here: the operator sets the period and names its source (its data
 * protection record, a regulation). Without both, nothing is anonymised.
 */
export type RetentionSetting = { ok: true; months: number; source: string } | { ok: false; message: string };

export function retentionSetting(env: NodeJS.ProcessEnv = process.env): RetentionSetting {
  const months = env.ABORDABLE_REGISTER_RETENTION_MONTHS;
  const source = env.ABORDABLE_REGISTER_RETENTION_SOURCE?.trim();
  if (!months || !source) {
    return {
      ok: false,
      message: "No retention period is configured: set ABORDABLE_REGISTER_RETENTION_MONTHS and ABORDABLE_REGISTER_RETENTION_SOURCE (the text that fixes it)",
    };
  }
  if (!/^\d{1,4}$/.test(months) || Number(months) < 1)
    return { ok: false, message: `ABORDABLE_REGISTER_RETENTION_MONTHS must be a whole number of months (got "${months}")` };
  return { ok: true, months: Number(months), source };
}
