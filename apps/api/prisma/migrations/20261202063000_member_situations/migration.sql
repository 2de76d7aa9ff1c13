-- The register records the situations that place a member in a dedicated sub-category (law art. 12 §3;
-- bill art. 8): without them, a dwelling dedicated to students, close social support, cooperative
-- members, employees or the reserve could not be let through the API. (Nullable as Prisma declares
-- scalar lists; every write gives a list or takes the empty default.)
CREATE TYPE "MemberSituation" AS ENUM ('STUDENT', 'CLOSE_SOCIAL_SUPPORT', 'COOPERATIVE_MEMBER', 'EMPLOYEE_OF_DEVELOPER', 'EXTREME_DISTRESS');

ALTER TABLE "HouseholdMember" ADD COLUMN "situations" "MemberSituation"[] DEFAULT ARRAY[]::"MemberSituation"[];
