-- Operator-entered index values (issue 17 point 4): the cote d'application, the semester
-- construction-price index and the ECB euro short-term rate (€STR, law art. 13 §4), each with its
-- published source. Immutable once entered: no UPDATE, DELETE or TRUNCATE, whoever connects; a
-- wrong figure is never edited in place (the series' values are facts of a publication).
-- CreateEnum
CREATE TYPE "IndexSeriesKind" AS ENUM ('COTE', 'CONSTRUCTION_PRICE', 'ECB_SHORT_TERM_RATE');

-- CreateTable
CREATE TABLE "IndexValue" (
    "id" UUID NOT NULL,
    "series" "IndexSeriesKind" NOT NULL,
    "key" TEXT NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "source" TEXT NOT NULL,
    "knownUntil" DATE,
    "recordedBy" TEXT NOT NULL,
    "recordedByApiKeyId" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndexValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndexValue_series_key_key" ON "IndexValue"("series", "key");


CREATE FUNCTION "abordable_index_value_is_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'IndexValue is immutable once recorded: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "IndexValue_immutable"
  BEFORE UPDATE OR DELETE ON "IndexValue"
  FOR EACH ROW EXECUTE FUNCTION "abordable_index_value_is_immutable"();

CREATE TRIGGER "IndexValue_no_truncate"
  BEFORE TRUNCATE ON "IndexValue"
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_index_value_is_immutable"();
