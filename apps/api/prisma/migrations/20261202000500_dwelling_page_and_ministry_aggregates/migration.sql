-- Issue 16 (performance). 1. The dwelling page's default order (reference, id) gets an index, so a
-- page reads 50 index entries instead of sorting the whole stock; row-value cursors use it too.
CREATE INDEX "Dwelling_reference_id_idx" ON "Dwelling"("reference", "id");

-- 2. Maintained aggregates for the ministry dashboard and for `dwellings.totalCount` without a
-- filter: counts kept by statement-level triggers (transition tables, one set-based update per
-- statement, so bulk loads cost one GROUP BY), instead of a scan of the stock and the register on
-- every request. They hold counts only (no personal data). An exactness test recomputes them
-- from the base tables (test/dashboards/ministry-aggregates.test.ts).

-- CreateTable
CREATE TABLE "DwellingStockCount" (
    "municipalityId" TEXT NOT NULL,
    "landlordId" UUID NOT NULL,
    "developerId" UUID NOT NULL,
    "category" "DwellingCategory" NOT NULL,
    "status" "DwellingStatus" NOT NULL,
    "dwellings" INTEGER NOT NULL,

    CONSTRAINT "DwellingStockCount_pkey" PRIMARY KEY ("municipalityId","landlordId","developerId","category","status")
);

-- CreateTable
CREATE TABLE "CandidateWaitingBucket" (
    "candidateId" UUID NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "workplaceMunicipalityId" TEXT NOT NULL,

    CONSTRAINT "CandidateWaitingBucket_pkey" PRIMARY KEY ("candidateId","householdSize","workplaceMunicipalityId")
);

-- CreateTable
CREATE TABLE "WaitingCount" (
    "householdSize" INTEGER NOT NULL,
    "workplaceMunicipalityId" TEXT NOT NULL,
    "candidates" INTEGER NOT NULL,

    CONSTRAINT "WaitingCount_pkey" PRIMARY KEY ("householdSize","workplaceMunicipalityId")
);

CREATE FUNCTION "abordable_dwelling_stock_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- plpgsql plans each statement when it first runs: the branch not taken never names a
  -- transition table the trigger does not have.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "DwellingStockCount" AS c ("municipalityId", "landlordId", "developerId", "category", "status", "dwellings")
      SELECT "municipalityId", "landlordId", "developerId", "category", "status", count(*) FROM new_rows GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT ("municipalityId", "landlordId", "developerId", "category", "status") DO UPDATE SET "dwellings" = c."dwellings" + EXCLUDED."dwellings";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "DwellingStockCount" AS c ("municipalityId", "landlordId", "developerId", "category", "status", "dwellings")
      SELECT "municipalityId", "landlordId", "developerId", "category", "status", -count(*) FROM old_rows GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT ("municipalityId", "landlordId", "developerId", "category", "status") DO UPDATE SET "dwellings" = c."dwellings" + EXCLUDED."dwellings";
  ELSE
    INSERT INTO "DwellingStockCount" AS c ("municipalityId", "landlordId", "developerId", "category", "status", "dwellings")
      SELECT "municipalityId", "landlordId", "developerId", "category", "status", sum(n) FROM (
        SELECT "municipalityId", "landlordId", "developerId", "category", "status", 1 AS n FROM new_rows
        UNION ALL
        SELECT "municipalityId", "landlordId", "developerId", "category", "status", -1 AS n FROM old_rows
      ) delta GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
      ON CONFLICT ("municipalityId", "landlordId", "developerId", "category", "status") DO UPDATE SET "dwellings" = c."dwellings" + EXCLUDED."dwellings";
  END IF;
  DELETE FROM "DwellingStockCount" WHERE "dwellings" = 0;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Dwelling_stock_count_insert" AFTER INSERT ON "Dwelling" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_dwelling_stock_count"();
CREATE TRIGGER "Dwelling_stock_count_update" AFTER UPDATE ON "Dwelling" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_dwelling_stock_count"();
CREATE TRIGGER "Dwelling_stock_count_delete" AFTER DELETE ON "Dwelling" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_dwelling_stock_count"();

-- Candidates waiting: a candidate with an ACTIVE application counts once per distinct (household
-- size, applicant's municipality of work; '' for none) — exactly `count(DISTINCT candidate)`
-- grouped by those two. Each change recomputes the buckets of the candidates it touches.
CREATE FUNCTION "abordable_refresh_waiting"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  WITH gone AS (
    DELETE FROM "CandidateWaitingBucket" b WHERE b."candidateId" = ANY(ids) RETURNING b."householdSize", b."workplaceMunicipalityId"
  )
  INSERT INTO "WaitingCount" AS w ("householdSize", "workplaceMunicipalityId", "candidates")
    SELECT "householdSize", "workplaceMunicipalityId", -count(*) FROM gone GROUP BY 1, 2
    ON CONFLICT ("householdSize", "workplaceMunicipalityId") DO UPDATE SET "candidates" = w."candidates" + EXCLUDED."candidates";
  WITH fresh AS (
    INSERT INTO "CandidateWaitingBucket" ("candidateId", "householdSize", "workplaceMunicipalityId")
      SELECT DISTINCT h."candidateId", h."memberCount", coalesce(a."workplaceMunicipalityId", '')
        FROM "Household" h
        JOIN "HouseholdMember" a ON a."householdId" = h.id AND a.role = 'APPLICANT'
       WHERE h."candidateId" = ANY(ids)
         AND EXISTS (SELECT 1 FROM "Application" ap WHERE ap."candidateId" = h."candidateId" AND ap.status = 'ACTIVE')
    RETURNING "householdSize", "workplaceMunicipalityId"
  )
  INSERT INTO "WaitingCount" AS w ("householdSize", "workplaceMunicipalityId", "candidates")
    SELECT "householdSize", "workplaceMunicipalityId", count(*) FROM fresh GROUP BY 1, 2
    ON CONFLICT ("householdSize", "workplaceMunicipalityId") DO UPDATE SET "candidates" = w."candidates" + EXCLUDED."candidates";
  DELETE FROM "WaitingCount" WHERE "candidates" = 0;
END;
$$;

CREATE FUNCTION "abordable_waiting_by_candidate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "abordable_refresh_waiting"(ARRAY(SELECT DISTINCT "candidateId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "abordable_refresh_waiting"(ARRAY(SELECT DISTINCT "candidateId" FROM old_rows));
  ELSE
    PERFORM "abordable_refresh_waiting"(ARRAY(SELECT "candidateId" FROM new_rows UNION SELECT "candidateId" FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "abordable_waiting_by_member"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A member deleted with its household (cascade) has no household left: the household's own
  -- trigger recomputes that candidate.
  IF TG_OP = 'INSERT' THEN
    PERFORM "abordable_refresh_waiting"(ARRAY(SELECT DISTINCT h."candidateId" FROM new_rows m JOIN "Household" h ON h.id = m."householdId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "abordable_refresh_waiting"(ARRAY(SELECT DISTINCT h."candidateId" FROM old_rows m JOIN "Household" h ON h.id = m."householdId"));
  ELSE
    PERFORM "abordable_refresh_waiting"(ARRAY(SELECT h."candidateId" FROM (SELECT "householdId" FROM new_rows UNION SELECT "householdId" FROM old_rows) m JOIN "Household" h ON h.id = m."householdId"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Application_waiting_insert" AFTER INSERT ON "Application" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_candidate"();
CREATE TRIGGER "Application_waiting_update" AFTER UPDATE ON "Application" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_candidate"();
CREATE TRIGGER "Application_waiting_delete" AFTER DELETE ON "Application" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_candidate"();
CREATE TRIGGER "Household_waiting_insert" AFTER INSERT ON "Household" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_candidate"();
CREATE TRIGGER "Household_waiting_update" AFTER UPDATE ON "Household" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_candidate"();
CREATE TRIGGER "Household_waiting_delete" AFTER DELETE ON "Household" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_candidate"();
CREATE TRIGGER "HouseholdMember_waiting_insert" AFTER INSERT ON "HouseholdMember" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_member"();
CREATE TRIGGER "HouseholdMember_waiting_update" AFTER UPDATE ON "HouseholdMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_member"();
CREATE TRIGGER "HouseholdMember_waiting_delete" AFTER DELETE ON "HouseholdMember" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "abordable_waiting_by_member"();

-- Backfill from the rows already there.
INSERT INTO "DwellingStockCount" ("municipalityId", "landlordId", "developerId", "category", "status", "dwellings")
  SELECT "municipalityId", "landlordId", "developerId", "category", "status", count(*) FROM "Dwelling" GROUP BY 1, 2, 3, 4, 5;
SELECT "abordable_refresh_waiting"(ARRAY(SELECT id FROM "Candidate"));
