-- Art. 56 §3 al. 4: a child's income counts 0, 25, 50 then 100 % over its first years of working
-- life; the register keeps the year it started (the rent and the shortlist recompute the share on
-- their own day). Art. 55 §1 4°: an applicant for international protection (« demandeur ») is not a
-- beneficiary and holds no residence right from the application: the title is recorded as such.
ALTER TABLE "HouseholdMember" ADD COLUMN "workingLifeStartYear" INTEGER;

ALTER TYPE "ResidenceStatus" ADD VALUE 'INTERNATIONAL_PROTECTION_APPLICANT';
