-- Issued compensation statements are frozen: every row of "CompensationStatement" is an issued
-- version (drafts are never stored); a recomputation that differs is a new row (version N+1). No
-- UPDATE, DELETE or TRUNCATE, whoever connects (as for the audit trail).
CREATE FUNCTION "abordable_compensation_statement_is_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CompensationStatement is frozen once issued: % refused (issue a new version instead)', TG_OP;
END;
$$;

CREATE TRIGGER "CompensationStatement_frozen"
  BEFORE UPDATE OR DELETE ON "CompensationStatement"
  FOR EACH ROW EXECUTE FUNCTION "abordable_compensation_statement_is_frozen"();

CREATE TRIGGER "CompensationStatement_no_truncate"
  BEFORE TRUNCATE ON "CompensationStatement"
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_compensation_statement_is_frozen"();

-- What an issued statement refers to cannot be deleted from under it: RESTRICT instead of SET NULL
-- (a SET NULL would be an UPDATE of the statement, refused above, but with a misleading error).
-- DropForeignKey
ALTER TABLE "CompensationStatement" DROP CONSTRAINT "CompensationStatement_conventionId_fkey";

-- DropForeignKey
ALTER TABLE "CompensationStatement" DROP CONSTRAINT "CompensationStatement_previousId_fkey";

-- AddForeignKey
ALTER TABLE "CompensationStatement" ADD CONSTRAINT "CompensationStatement_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationStatement" ADD CONSTRAINT "CompensationStatement_previousId_fkey" FOREIGN KEY ("previousId") REFERENCES "CompensationStatement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
