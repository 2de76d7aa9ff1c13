/**
 * Deterministic generator of realistic seed data: the 100 municipalities, landlords from a small
 * commune to the Fonds du Logement's size, dwellings of every category, accommodation units in
 * shared dwellings, candidates with households of varied composition and income, their
 * applications, leases for let dwellings and allocation files for vacant ones.
 *
 * The same scale always gives the same rows and IDs. All people, addresses and amounts are
 * fictional; the organisations' names are those of real kinds of social landlords.
 * Amounts are drawn as whole cents and written as decimal strings (no float money).
 */
import type { Prisma } from "../generated/prisma/client.js";
import type { ApplicationMotive, DedicatedSubCategory, DwellingStatus, DwellingType, OrganisationKind } from "../generated/prisma/enums.js";
import { MUNICIPALITIES, municipalityId } from "./municipalities.js";
import { MUNICIPALITY_COORDINATES } from "./municipality-coordinates.js";
import { Random } from "./random.js";
import type { SeedScale } from "../config.js";

export const SCALES: Record<SeedScale, { dwellings: number; candidates: number }> = {
  small: { dwellings: 400, candidates: 800 },
  medium: { dwellings: 4_000, candidates: 10_000 },
  large: { dwellings: 20_000, candidates: 50_000 },
};

export interface SeedData {
  municipalities: Prisma.MunicipalityCreateManyInput[];
  organisations: Prisma.OrganisationCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  conventions: Prisma.ConventionCreateManyInput[];
  dwellings: Prisma.DwellingCreateManyInput[];
  accommodationUnits: Prisma.AccommodationUnitCreateManyInput[];
  candidates: Prisma.CandidateCreateManyInput[];
  households: Prisma.HouseholdCreateManyInput[];
  householdMembers: Prisma.HouseholdMemberCreateManyInput[];
  applications: Prisma.ApplicationCreateManyInput[];
  allocationFiles: Prisma.AllocationFileCreateManyInput[];
  allocationFileCandidates: Prisma.AllocationFileCandidateCreateManyInput[];
  leases: Prisma.LeaseCreateManyInput[];
}

interface OrgSpec {
  name: string;
  kind: OrganisationKind;
  developer: boolean;
  landlord: boolean;
  seat: string;
  /** Share of the dwellings this landlord manages. */
  stockWeight: number;
  /** Where its dwellings are: its own commune, or anywhere. */
  local: boolean;
}

const ORGANISATIONS: readonly OrgSpec[] = [
  {
    name: "Ministère du Logement et de l'Aménagement du territoire",
    kind: "MINISTRY",
    developer: false,
    landlord: false,
    seat: "Luxembourg",
    stockWeight: 0,
    local: false,
  },
  { name: "Fonds du Logement", kind: "FONDS_DU_LOGEMENT", developer: true, landlord: true, seat: "Luxembourg", stockWeight: 34, local: false },
  {
    name: "Société Nationale des Habitations à Bon Marché (SNHBM)",
    kind: "SNHBM",
    developer: true,
    landlord: false,
    seat: "Luxembourg",
    stockWeight: 0,
    local: false,
  },
  { name: "Ville de Luxembourg", kind: "MUNICIPALITY", developer: true, landlord: true, seat: "Luxembourg", stockWeight: 18, local: true },
  { name: "Ville d'Esch-sur-Alzette", kind: "MUNICIPALITY", developer: true, landlord: true, seat: "Esch-sur-Alzette", stockWeight: 10, local: true },
  { name: "Ville de Differdange", kind: "MUNICIPALITY", developer: true, landlord: true, seat: "Differdange", stockWeight: 6, local: true },
  { name: "Ville de Dudelange", kind: "MUNICIPALITY", developer: true, landlord: true, seat: "Dudelange", stockWeight: 5, local: true },
  { name: "Commune de Vianden", kind: "MUNICIPALITY", developer: true, landlord: true, seat: "Vianden", stockWeight: 0.4, local: true },
  {
    name: "Syndicat intercommunal pour le logement du Nord",
    kind: "MUNICIPAL_SYNDICATE",
    developer: true,
    landlord: true,
    seat: "Ettelbruck",
    stockWeight: 3,
    local: false,
  },
  {
    name: "Agence immobilière sociale (fondation)",
    kind: "ASSOCIATION_OR_FOUNDATION",
    developer: false,
    landlord: true,
    seat: "Luxembourg",
    stockWeight: 12,
    local: false,
  },
  { name: "Wunnengshëllef asbl", kind: "ASSOCIATION_OR_FOUNDATION", developer: true, landlord: true, seat: "Luxembourg", stockWeight: 5, local: false },
  { name: "Coopérative d'habitation Neien Doheem", kind: "COOPERATIVE", developer: true, landlord: true, seat: "Mersch", stockWeight: 2, local: false },
  { name: "Habitat Solidaire Partenaires SA", kind: "COMPANY", developer: true, landlord: false, seat: "Strassen", stockWeight: 0, local: false },
];

const FIRST_NAMES = [
  "Luc",
  "Marie",
  "Jean",
  "Anne",
  "Tom",
  "Sarah",
  "Paulo",
  "Ana",
  "João",
  "Sofia",
  "Marco",
  "Giulia",
  "Lara",
  "Ben",
  "Léa",
  "Mohamed",
  "Amina",
  "Yusuf",
  "Fatima",
  "Lena",
  "Noah",
  "Emma",
  "Mia",
  "Max",
  "Lucas",
  "Inês",
  "Tiago",
  "Claire",
  "Nicolas",
  "Joëlle",
  "Gilles",
  "Carine",
  "Pol",
  "Myriam",
  "Arben",
  "Elira",
  "Dragan",
  "Milica",
  "Kofi",
  "Ama",
  "Olena",
  "Andriy",
];
const LAST_NAMES = [
  "Schmit",
  "Muller",
  "Weber",
  "Wagner",
  "Hoffmann",
  "Thill",
  "Schroeder",
  "Reuter",
  "Kieffer",
  "Majerus",
  "Da Silva",
  "Pereira",
  "Ferreira",
  "Santos",
  "Gomes",
  "Rodrigues",
  "Rossi",
  "Bianchi",
  "Dupont",
  "Martin",
  "Bernard",
  "Krasniqi",
  "Berisha",
  "Hodžić",
  "Mensah",
  "Shevchenko",
  "Kovalenko",
  "Haddad",
  "Benali",
  "Lopes",
  "Marques",
  "Meyer",
  "Klein",
  "Becker",
  "Faber",
];
const STREETS = [
  "rue de la Gare",
  "route d'Arlon",
  "rue Principale",
  "avenue de la Liberté",
  "rue des Champs",
  "rue de l'Église",
  "rue du Moulin",
  "rue Grande-Duchesse Charlotte",
  "boulevard Kennedy",
  "rue des Jardins",
];

const MOTIVES: readonly (readonly [ApplicationMotive, number])[] = [
  ["EXCESSIVE_RENT", 30],
  ["OVERCROWDING", 18],
  ["NOTICE_OF_TERMINATION", 12],
  ["NO_HOME", 8],
  ["FAMILY_CHANGE", 10],
  ["INSALUBRITY", 6],
  ["EVICTION_JUDGMENT", 4],
  ["UNSUITABLE_FOR_DISABILITY", 4],
  ["OTHER", 8],
];

const SUB_CATEGORIES: readonly (readonly [DedicatedSubCategory, number])[] = [
  ["SENIORS", 30],
  ["YOUNG_PEOPLE", 20],
  ["STUDENTS", 15],
  ["INTERNATIONAL_PROTECTION", 12],
  ["CLOSE_SOCIAL_SUPPORT", 10],
  ["EMPLOYEES", 5],
  ["COOPERATIVE_MEMBERS", 4],
  ["RESERVE", 4],
];

/** Larger communes attract more dwellings and workplaces. */
const COMMUNE_WEIGHTS: Record<string, number> = {
  luxembourg: 30,
  "esch-sur-alzette": 10,
  differdange: 6,
  dudelange: 5,
  petange: 4,
  sanem: 4,
  hesperange: 3,
  bettembourg: 3,
  schifflange: 3,
  ettelbruck: 3,
  diekirch: 2,
  strassen: 2,
  bertrange: 2,
  mamer: 2,
  mersch: 2,
  wiltz: 2,
  kaerjeng: 2,
};

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function generateSeed(scale: SeedScale): SeedData {
  const size = SCALES[scale];
  const rnd = new Random(0x5eed + size.dwellings);
  const data: SeedData = {
    // Coordinates from a cited data set (seed/municipality-coordinates.ts), for the distances of law art. 58 al. 1 2°.
    municipalities: MUNICIPALITIES.map((m) => ({ id: m.id, name: m.name, canton: m.canton, ...MUNICIPALITY_COORDINATES[m.id] })),
    organisations: [],
    projects: [],
    conventions: [],
    dwellings: [],
    accommodationUnits: [],
    candidates: [],
    households: [],
    householdMembers: [],
    applications: [],
    allocationFiles: [],
    allocationFileCandidates: [],
    leases: [],
  };
  const communeWeights = MUNICIPALITIES.map((m) => [m.id, COMMUNE_WEIGHTS[m.id] ?? 0.6] as const);

  const orgs = ORGANISATIONS.map((spec) => {
    const id = rnd.uuid();
    data.organisations.push({
      id,
      name: spec.name,
      kind: spec.kind,
      isSocialDeveloper: spec.developer,
      isSocialLandlord: spec.landlord,
      municipalityId: municipalityId(spec.seat),
    });
    return { ...spec, id };
  });
  const landlords = orgs.filter((o) => o.landlord && o.stockWeight > 0);
  const nonManagingDevelopers = orgs.filter((o) => o.developer && !o.landlord);

  // One compensation convention per landlord (law art. 40), signed under the RGD of 24 January 2024.
  const compensationConvention = new Map<string, string>();
  landlords.forEach((l, i) => {
    const id = rnd.uuid();
    compensationConvention.set(l.id, id);
    const signed = rnd.date("2023-10-01", "2024-12-31");
    data.conventions.push({
      id,
      reference: `CC-${signed.slice(0, 4)}-${String(i + 1).padStart(3, "0")}`,
      kind: "COMPENSATION",
      landlordId: l.id,
      signedOn: date(signed),
      startsOn: date(signed),
    });
  });

  // Projects and their financial-participation conventions (law art. 8-9), created as dwellings need them.
  const projectFor = new Map<string, { projectId: string; conventionId: string; left: number }>();
  let conventionNo = 0;
  const projectOf = (developerId: string, developerName: string, commune: string) => {
    const key = `${developerId}:${commune}`;
    const current = projectFor.get(key);
    if (current && current.left > 0) {
      current.left -= 1;
      return current;
    }
    const projectId = rnd.uuid();
    const conventionId = rnd.uuid();
    const communeName = MUNICIPALITIES.find((m) => m.id === commune)!.name;
    data.projects.push({
      id: projectId,
      name: `${communeName} – ${rnd.pick(["Résidence", "Cité", "Quartier", "Îlot"])} ${rnd.pick(STREETS.map((s) => s.split(" ").slice(-1)[0]!))} ${data.projects.length + 1}`,
      developerId,
      municipalityId: commune,
    });
    conventionNo += 1;
    const signed = rnd.date("2019-01-01", "2025-12-31");
    const totalCents = BigInt(rnd.int(2_000_000, 30_000_000)) * 100n;
    data.conventions.push({
      id: conventionId,
      reference: `CPF-${signed.slice(0, 4)}-${String(conventionNo).padStart(4, "0")}`,
      kind: "FINANCIAL_PARTICIPATION",
      developerId,
      projectId,
      signedOn: date(signed),
      startsOn: date(signed),
      durationYears: 40,
      totalCost: `${totalCents / 100n}.00`,
      stateParticipation: `${(totalCents * 75n) / 10000n}.00`,
      bankLoanPrefinancing: rnd.chance(0.4),
      fondsIndemnityRequested: developerName === "Fonds du Logement",
    });
    const entry = { projectId, conventionId, left: rnd.int(4, 40) };
    projectFor.set(key, entry);
    return entry;
  };

  // Dwellings.
  const perLandlordRef = new Map<string, number>();
  const vacantDwellings: { id: string; landlordId: string }[] = [];
  const letTargets: { dwellingId: string; unitId?: string; landlordId: string; bedrooms: number; startFrom: string }[] = [];
  for (let i = 0; i < size.dwellings; i += 1) {
    const landlord = rnd.weighted(landlords.map((l) => [l, l.stockWeight] as const));
    const commune = landlord.local ? municipalityId(landlord.seat) : rnd.weighted(communeWeights);
    const developer = landlord.developer && rnd.chance(0.85) ? landlord : rnd.pick(nonManagingDevelopers);
    const project = projectOf(developer.id, developer.name, commune);
    const dedicated = rnd.chance(landlord.kind === "COOPERATIVE" ? 0.9 : 0.2);
    let sub: DedicatedSubCategory | null = dedicated ? rnd.weighted(SUB_CATEGORIES) : null;
    if (landlord.kind === "COOPERATIVE" && dedicated) sub = "COOPERATIVE_MEMBERS";
    const shared = sub !== null && ["STUDENTS", "INTERNATIONAL_PROTECTION", "YOUNG_PEOPLE"].includes(sub) && rnd.chance(0.45);
    const type: DwellingType = shared
      ? "SHARED_DWELLING"
      : rnd.weighted([
          ["APARTMENT", 70],
          ["HOUSE", 15],
          ["STUDIO", 15],
        ] as const);
    const bedrooms = shared
      ? rnd.int(3, 6)
      : type === "STUDIO"
        ? 0
        : sub === "SENIORS" || sub === "YOUNG_PEOPLE"
          ? rnd.int(1, 2)
          : rnd.weighted([
              [1, 30],
              [2, 40],
              [3, 22],
              [4, 8],
            ] as const);
    const area = rnd.cents(28 + bedrooms * 14, 40 + bedrooms * 22);
    const status: DwellingStatus = rnd.weighted([
      ["LET", 82],
      ["VACANT", 7],
      ["UNDER_RENOVATION", 4],
      ["UNDER_CONSTRUCTION", 5],
      ["WITHDRAWN", 2],
    ] as const);
    const firstOccupiedYear =
      status === "UNDER_CONSTRUCTION"
        ? null
        : rnd.weighted([
            [rnd.int(1965, 1989), 25],
            [rnd.int(1990, 2015), 35],
            [rnd.int(2016, 2026), 40],
          ] as const);
    const firstLettingOn = status === "UNDER_CONSTRUCTION" ? null : rnd.date(`${Math.max(firstOccupiedYear ?? 2024, 2015)}-01-01`, "2026-10-31");
    // Capital and rents for the compensation statements (art. 13 §3, art. 40 §1): own contribution
    // is 25 % of the costs on average (the State participation covers up to 75 %, art. 11).
    const areaCents = BigInt(area.replace(".", ""));
    const landCents = (areaCents * BigInt(rnd.int(600, 1_400))) / 100n;
    const constructionCents = (areaCents * BigInt(rnd.int(2_400, 3_600))) / 100n;
    const share = BigInt(rnd.int(15, 35));
    const cents = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`;
    const managedSince = status === "UNDER_CONSTRUCTION" ? null : firstLettingOn;
    const ref = (perLandlordRef.get(landlord.id) ?? 0) + 1;
    perLandlordRef.set(landlord.id, ref);
    const id = rnd.uuid();
    data.dwellings.push({
      id,
      reference: `L-${String(ref).padStart(5, "0")}`,
      landlordId: landlord.id,
      developerId: developer.id,
      projectId: project.projectId,
      financingConventionId: project.conventionId,
      compensationConventionId: compensationConvention.get(landlord.id) ?? null,
      category: dedicated ? "DEDICATED" : "ALL_PUBLIC",
      dedicatedSubCategory: sub,
      type,
      bedrooms,
      usefulArea: area,
      municipalityId: commune,
      address: `${rnd.int(1, 180)}, ${rnd.pick(STREETS)}, ${MUNICIPALITIES.find((m) => m.id === commune)!.name}`,
      firstLettingOn: firstLettingOn ? date(firstLettingOn) : null,
      firstOccupiedYear,
      energyRenovated: (firstOccupiedYear ?? 2000) < 1990 ? rnd.chance(0.4) : false,
      hasEquippedKitchen: rnd.chance(0.9),
      hasOutdoorSpace: rnd.chance(0.6),
      status,
      landCapitalInvested: cents(landCents),
      landOwnContribution: cents((landCents * share) / 100n),
      constructionCapitalInvested: cents(constructionCents),
      constructionOwnContribution: cents((constructionCents * share) / 100n),
      emphyteusisFeesPerYear: rnd.chance(0.15) ? rnd.cents(300, 1_200) : null,
      rentToDeveloperMonthly: developer.id === landlord.id ? "0.00" : rnd.cents(350 + bedrooms * 120, 600 + bedrooms * 180),
      ancillaryRentMonthly: rnd.chance(0.3) ? rnd.cents(40, 120) : null,
      managedSince: managedSince ? date(managedSince) : null,
    });
    if (shared) {
      for (let u = 1; u <= bedrooms; u += 1) {
        const unitId = rnd.uuid();
        const unitStatus =
          status === "LET"
            ? rnd.weighted([
                ["LET", 85],
                ["VACANT", 15],
              ] as const)
            : status === "VACANT"
              ? "VACANT"
              : "UNAVAILABLE";
        data.accommodationUnits.push({
          id: unitId,
          dwellingId: id,
          reference: `U${u}`,
          usefulArea: rnd.cents(12, 24),
          capacity: 1,
          status: unitStatus,
          firstLettingOn: firstLettingOn ? date(firstLettingOn) : null,
        });
        if (unitStatus === "LET") letTargets.push({ dwellingId: id, unitId, landlordId: landlord.id, bedrooms: 1, startFrom: firstLettingOn! });
      }
    } else if (status === "LET") {
      letTargets.push({ dwellingId: id, landlordId: landlord.id, bedrooms, startFrom: firstLettingOn! });
    }
    if (status === "VACANT") vacantDwellings.push({ id, landlordId: landlord.id });
  }

  // Candidates and their households (law art. 3), applications on the register (art. 74).
  const waiting: string[] = [];
  const tenants: { householdId: string; applicationId: string; size: number }[] = [];
  const members: Prisma.HouseholdMemberCreateManyInput[] = [];
  const partners: Prisma.HouseholdMemberCreateManyInput[] = [];
  for (let i = 0; i < size.candidates; i += 1) {
    const shape = rnd.weighted([
      ["single", 35],
      ["couple", 15],
      ["singleParent", 15],
      ["family", 25],
      ["seniors", 7],
      ["sharedAdults", 3],
    ] as const);
    const lastName = rnd.pick(LAST_NAMES);
    const applicantBirth = shape === "seniors" ? rnd.date("1940-01-01", "1964-12-31") : rnd.date("1960-01-01", "2006-12-31");
    const home = rnd.weighted(communeWeights);
    const candidateId = rnd.uuid();
    const householdId = rnd.uuid();
    const applicantMemberId = rnd.uuid();
    const firstName = rnd.pick(FIRST_NAMES);
    const residenceStatus = rnd.weighted([
      ["LUXEMBOURG_NATIONAL", 40],
      ["EU_RESIDENCE_RIGHT", 40],
      ["THIRD_COUNTRY_RESIDENCE_PERMIT", 12],
      ["INTERNATIONAL_PROTECTION", 7],
      ["DIPLOMATIC_OR_LEGITIMATION_CARD", 1],
    ] as const);
    data.candidates.push({
      id: candidateId,
      registerNumber: `RNLA-${String(i + 1).padStart(6, "0")}`,
      firstName,
      lastName,
      birthDate: date(applicantBirth),
      address: `${rnd.int(1, 200)}, ${rnd.pick(STREETS)}`,
      municipalityId: home,
      residenceStatus,
      residentSince: date(rnd.date("2000-01-01", "2026-06-30")),
      email: `${firstName}.${lastName}.${i}@example.lu`
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9.@]/g, ""),
    });
    const household: Prisma.HouseholdCreateManyInput = { id: householdId, candidateId, incomeYear: 2025 };
    data.households.push(household);
    const adultIncome = () => (rnd.chance(0.1) ? "0.00" : rnd.cents(14_000, 62_000));
    members.push({
      id: applicantMemberId,
      householdId,
      role: "APPLICANT",
      firstName,
      lastName,
      birthDate: date(applicantBirth),
      hasDisability: rnd.chance(0.05),
      workplaceMunicipalityId: shape === "seniors" ? null : rnd.weighted(communeWeights),
      annualNetIncome: shape === "seniors" ? rnd.cents(18_000, 40_000) : adultIncome(),
    });
    let size_ = 1;
    if (shape === "couple" || shape === "family" || (shape === "seniors" && rnd.chance(0.5))) {
      partners.push({
        id: rnd.uuid(),
        householdId,
        role: "PARTNER",
        firstName: rnd.pick(FIRST_NAMES),
        lastName: rnd.chance(0.5) ? lastName : rnd.pick(LAST_NAMES),
        birthDate: date(shape === "seniors" ? rnd.date("1940-01-01", "1964-12-31") : rnd.date("1960-01-01", "2006-12-31")),
        partnerId: applicantMemberId,
        hasDisability: rnd.chance(0.04),
        workplaceMunicipalityId: shape === "seniors" ? null : rnd.weighted(communeWeights),
        annualNetIncome: adultIncome(),
      });
      size_ += 1;
    }
    const children = shape === "singleParent" ? rnd.int(1, 3) : shape === "family" ? rnd.int(1, 4) : 0;
    for (let c = 0; c < children; c += 1) {
      members.push({
        id: rnd.uuid(),
        householdId,
        role: "CHILD",
        firstName: rnd.pick(FIRST_NAMES),
        lastName,
        birthDate: date(rnd.date("2006-01-01", "2026-06-30")),
        isDependent: true,
        hasDisability: rnd.chance(0.03),
      });
      size_ += 1;
    }
    if (shape === "sharedAdults") {
      members.push({
        id: rnd.uuid(),
        householdId,
        role: "OTHER_ADULT",
        firstName: rnd.pick(FIRST_NAMES),
        lastName: rnd.pick(LAST_NAMES),
        birthDate: date(rnd.date("1950-01-01", "2005-12-31")),
        annualNetIncome: adultIncome(),
      });
      size_ += 1;
    }
    household.memberCount = size_;
    const applicationId = rnd.uuid();
    data.applications.push({
      id: applicationId,
      candidateId,
      registeredOn: date(rnd.date("2019-01-01", "2026-10-31")),
      motive: rnd.weighted(MOTIVES),
      status: "ACTIVE",
    });
    if (i % 2 === 0 && tenants.length < letTargets.length) tenants.push({ householdId, applicationId, size: size_ });
    else waiting.push(applicationId);
  }
  // Applicants first, so that partners' couple links point at rows already written.
  data.householdMembers = [...members, ...partners];

  // Leases for let dwellings and units (law art. 64), households allocated from the register.
  const allocated = new Set<string>();
  letTargets.forEach((target, i) => {
    const tenant = tenants[i];
    if (!tenant) return;
    allocated.add(tenant.applicationId);
    const base = 380 + target.bedrooms * 160;
    data.leases.push({
      id: rnd.uuid(),
      landlordId: target.landlordId,
      dwellingId: target.dwellingId,
      accommodationUnitId: target.unitId ?? null,
      householdId: tenant.householdId,
      startsOn: date(target.startFrom),
      monthlyRent: rnd.cents(base, base + 450),
      monthlyCharges: rnd.cents(60, 260),
      status: "ACTIVE",
    });
  });
  for (const application of data.applications) {
    if (allocated.has(application.id!)) application.status = "ALLOCATED";
  }
  for (const tenant of tenants) if (!allocated.has(tenant.applicationId)) waiting.push(tenant.applicationId);

  // Allocation files for vacant dwellings (law art. 53-59), each with a short list of waiting candidates.
  let next = 0;
  for (const vacancy of vacantDwellings) {
    const fileId = rnd.uuid();
    data.allocationFiles.push({
      id: fileId,
      landlordId: vacancy.landlordId,
      dwellingId: vacancy.id,
      status: "SHORTLIST",
      openedOn: date(rnd.date("2026-06-01", "2026-11-15")),
    });
    for (let r = 1; r <= 5 && waiting.length > 0; r += 1) {
      const applicationId = waiting[next % waiting.length]!;
      next += 1;
      if (data.allocationFileCandidates.some((e) => e.allocationFileId === fileId && e.applicationId === applicationId)) continue;
      data.allocationFileCandidates.push({ allocationFileId: fileId, applicationId, rank: r });
    }
  }
  return data;
}
