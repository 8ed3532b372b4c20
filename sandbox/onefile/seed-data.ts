/**
 * The fixed demo data and its IDs. These IDs do not depend on the `seed` option, so tests can
 * name them (SEED.organisations.keychainOff.id, SEED.assessors[0].id). Only the 250 generated
 * learners of the large organisation take their names and dates from the seeded PRNG.
 *
 * Every list holds all three organisations' records, the Keychain-off organisation's first, so
 * `SEED.assessors[0]`, `SEED.classrooms[0]` and `SEED.placements[0]` all belong to
 * `SEED.organisations.keychainOff`. Use `seedFor(orgId)` for one organisation's records.
 */

export interface SeedOrganisation {
	id: number;
	name: string;
	keychain: boolean;
	emailSuppression: boolean;
}

export interface SeedNamed {
	id: number;
	organisationId: number;
	name: string;
	misid: string;
}

export interface SeedUser {
	id: number;
	organisationId: number;
	role: 1 | 4 | 5 | 10 | 40 | 45;
	firstName: string;
	lastName: string;
	email: string;
	misid: string;
	username: string;
	/** Employers and observers: their placement. Learners: theirs too. */
	placementId?: number;
	classroomId?: number;
	defaultAssessorId?: number;
}

export interface SeedStandard {
	id: number;
	title: string;
	organisationIds: number[];
}

export interface SeedUnit {
	id: string;
	standardId: number;
	title: string;
}

export interface SeedFrameworkTemplate {
	id: number;
	organisationId: number;
	name: string;
	standardIds: number[];
}

export interface SeedLearningAim {
	id: number;
	learnerId: number;
	standardId: number;
}

const ORGANISATIONS = {
	keychainOff: { id: 5740, name: 'Northgate Training - Business', keychain: false, emailSuppression: false },
	keychainOn: { id: 5741, name: 'Northgate Training - Health and Care', keychain: true, emailSuppression: false },
	large: { id: 5742, name: 'Northgate Training - Engineering', keychain: false, emailSuppression: true },
} as const satisfies Record<string, SeedOrganisation>;

const ORG_LIST: readonly SeedOrganisation[] = [ORGANISATIONS.keychainOff, ORGANISATIONS.keychainOn, ORGANISATIONS.large];
const DOMAINS = ['northgate-business.example', 'northgate-care.example', 'northgate-eng.example'] as const;
const ORG_TAGS = ['BUS', 'CAR', 'ENG'] as const;

/** First user ID of each organisation's fixed users; the offsets below add to it. */
const USER_BASE = [137900, 138000, 138100] as const;

function perOrganisation<T>(build: (orgIndex: number, org: SeedOrganisation) => T[]): T[] {
	return ORG_LIST.flatMap((org, orgIndex) => build(orgIndex, org));
}

const CLASSROOM_NAMES = [
	['Business Admin L3 - Cohort A', 'Business Admin L3 - Cohort B', 'Team Leader L3 - Evening'],
	['Adult Care L2 - Leeds', 'Adult Care L2 - York', 'Customer Service L2 - Online'],
	['Engineering Tech L3 - Bay 1', 'Engineering Tech L3 - Bay 2', 'Team Leader L3 - Plant'],
] as const;

const classrooms: SeedNamed[] = perOrganisation((i, org) =>
	CLASSROOM_NAMES[i]!.map((name, j) => ({ id: 15400 + i * 10 + j, organisationId: org.id, name, misid: `${ORG_TAGS[i]}-CL${j + 1}` })),
);

const PLACEMENT_NAMES = [
	['Harbour Logistics Ltd', 'Pennine Office Supplies', 'Kestrel Insurance Services'],
	['Meadowbank Care Home', 'Riverside Home Care', 'St Aidan Nursing Centre'],
	['Calder Precision Engineering', 'Aire Valley Fabrication', 'Holme Motors'],
] as const;

const placements: SeedNamed[] = perOrganisation((i, org) =>
	PLACEMENT_NAMES[i]!.map((name, j) => ({ id: 8800 + i * 10 + j, organisationId: org.id, name, misid: `${ORG_TAGS[i]}-PL${j + 1}` })),
);

const providers: SeedNamed[] = perOrganisation((i, org) =>
	['Northgate College', 'Partner Skills CIC'].map((name, j) => ({ id: 610 + i * 10 + j, organisationId: org.id, name, misid: `${ORG_TAGS[i]}-PR${j + 1}` })),
);

/** [G] Names a centre might use; IDs differ per organisation (20.., 30.., 40..), so another centre's status is refused. */
const learnerStatuses: SeedNamed[] = perOrganisation((i, org) =>
	['Continuing', 'Break in learning', 'Withdrawn', 'Completed', 'Transferred'].map((name, j) => ({ id: 20 + i * 10 + j, organisationId: org.id, name, misid: '' })),
);

/**
 * [G] The same four per organisation, with the IDs a learning aim's Status already uses (1 in
 * progress, 2 achieved, as the seeded aims and `achieveLearningAim`).
 */
const learningAimStatuses: SeedNamed[] = perOrganisation((_i, org) =>
	[[1, 'In Progress'], [2, 'Achieved'], [3, 'Completed'], [4, 'Withdrawn']].map(([id, name]) => ({ id: id as number, organisationId: org.id, name: name as string, misid: '' })),
);

interface StaffSpec {
	offset: number;
	role: SeedUser['role'];
	first: string;
	last: string;
	/** Index into the organisation's placements (employers, observers and learners). */
	placement?: number;
}

const STAFF_NAMES: readonly (readonly [string, string])[] = [
	['Aisha', 'Khan'], ['Ben', 'Walker'], ['Chloe', 'Turner'], ['Dev', 'Patel'], ['Emma', 'Hughes'],
	['Finn', 'Doyle'], ['Grace', 'Okafor'], ['Harry', 'Lewis'], ['Isla', 'Murray'], ['Jack', 'Price'],
	['Keira', 'Shaw'], ['Liam', 'Brennan'], ['Maya', 'Ellis'],
];

function staffSpecs(i: number): StaffSpec[] {
	// Rotate the name list per organisation so names differ between organisations.
	const name = (k: number): readonly [string, string] => STAFF_NAMES[(k + i * 4) % STAFF_NAMES.length]!;
	return [
		{ offset: 1, role: 5, first: name(0)[0], last: name(0)[1] },
		{ offset: 2, role: 5, first: name(1)[0], last: name(1)[1] },
		{ offset: 3, role: 5, first: name(2)[0], last: name(2)[1] },
		{ offset: 10, role: 4, first: name(3)[0], last: name(3)[1] },
		{ offset: 20, role: 10, first: name(4)[0], last: name(4)[1] },
		{ offset: 21, role: 10, first: name(5)[0], last: name(5)[1] },
		{ offset: 30, role: 40, first: name(6)[0], last: name(6)[1], placement: 0 },
		{ offset: 31, role: 40, first: name(7)[0], last: name(7)[1], placement: 1 },
		{ offset: 40, role: 45, first: name(8)[0], last: name(8)[1], placement: 2 },
	];
}

const LEARNER_NAMES: readonly (readonly [string, string])[] = [
	['Olivia', 'Bennett'], ['Noah', 'Fletcher'], ['Amelia', 'Rahman'], ['Oscar', 'Whitaker'],
	['Poppy', 'Singh'], ['Leo', 'Gallagher'], ['Ruby', 'Nowak'], ['Theo', 'Armitage'],
	['Zara', 'Hussain'], ['Alfie', 'Moran'], ['Ivy', 'Chambers'], ['Reggie', 'Kowalski'],
];

function username(first: string, last: string): string {
	return `${first[0]}${last}`.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function seedUser(i: number, org: SeedOrganisation, spec: StaffSpec, extra: Partial<SeedUser> = {}): SeedUser {
	const id = USER_BASE[i]! + spec.offset;
	return {
		id,
		organisationId: org.id,
		role: spec.role,
		firstName: spec.first,
		lastName: spec.last,
		email: `${spec.first}.${spec.last}@${DOMAINS[i]}`.toLowerCase(),
		misid: `${ORG_TAGS[i]}-${spec.role === 1 ? 'L' : 'S'}${spec.offset}`,
		username: `${username(spec.first, spec.last)}${id % 1000}`,
		...(spec.placement === undefined ? {} : { placementId: placements.filter((p) => p.organisationId === org.id)[spec.placement]!.id }),
		...extra,
	};
}

const staff: SeedUser[] = perOrganisation((i, org) => staffSpecs(i).map((spec) => seedUser(i, org, spec)));

const learners: SeedUser[] = perOrganisation((i, org) => {
	const orgAssessors = staff.filter((u) => u.organisationId === org.id && u.role === 5);
	const orgClassrooms = classrooms.filter((c) => c.organisationId === org.id);
	return [0, 1, 2, 3].map((j) => {
		const [first, last] = LEARNER_NAMES[(j + i * 4) % LEARNER_NAMES.length]!;
		return seedUser(i, org, { offset: 50 + j, role: 1, first, last, placement: j % 3 }, {
			classroomId: orgClassrooms[j % orgClassrooms.length]!.id,
			defaultAssessorId: orgAssessors[j % orgAssessors.length]!.id,
		});
	});
});

const standards: SeedStandard[] = [
	{ id: 301, title: 'Business Administrator Level 3', organisationIds: [5740, 5742] },
	{ id: 302, title: 'Customer Service Practitioner Level 2', organisationIds: [5740, 5741] },
	{ id: 303, title: 'Adult Care Worker Level 2', organisationIds: [5741] },
	{ id: 304, title: 'Engineering Technician Level 3', organisationIds: [5742] },
	{ id: 305, title: 'Team Leader or Supervisor Level 3', organisationIds: [5740, 5741, 5742] },
];

const units: SeedUnit[] = [
	{ id: 'BA3_U01', standardId: 301, title: 'Organisational purpose' },
	{ id: 'BA3_U02', standardId: 301, title: 'Communication and stakeholders' },
	{ id: 'BA3_U03', standardId: 301, title: 'Project management' },
	// 'KS_COMM1' is the unit code C5's tests use.
	{ id: 'KS_COMM1', standardId: 302, title: 'Communication skills' },
	{ id: 'CS2_U02', standardId: 302, title: 'Knowing your customer' },
	{ id: 'CS2_U03', standardId: 302, title: 'Service delivery' },
	{ id: 'ACW2_U01', standardId: 303, title: 'Duty of care' },
	{ id: 'ACW2_U02', standardId: 303, title: 'Safeguarding' },
	{ id: 'ACW2_U03', standardId: 303, title: 'Person-centred care' },
	{ id: 'ET3_U01', standardId: 304, title: 'Health and safety in engineering' },
	{ id: 'ET3_U02', standardId: 304, title: 'Engineering drawings' },
	{ id: 'ET3_U03', standardId: 304, title: 'Maintenance operations' },
	{ id: 'TL3_U01', standardId: 305, title: 'Leading people' },
	{ id: 'TL3_U02', standardId: 305, title: 'Managing performance' },
	{ id: 'TL3_U03', standardId: 305, title: 'Decision making' },
];

const frameworkTemplates: SeedFrameworkTemplate[] = [
	{ id: 701, organisationId: 5740, name: 'Business Admin L3 programme', standardIds: [301, 305] },
	{ id: 702, organisationId: 5740, name: 'Customer Service L2 programme', standardIds: [302] },
	{ id: 711, organisationId: 5741, name: 'Adult Care L2 programme', standardIds: [303] },
	{ id: 712, organisationId: 5741, name: 'Care Team Leader programme', standardIds: [302, 305] },
	{ id: 721, organisationId: 5742, name: 'Engineering Technician L3 programme', standardIds: [304] },
	{ id: 722, organisationId: 5742, name: 'Engineering Supervisor programme', standardIds: [301, 305] },
];

/** One existing learning aim, so unit assigns can be tested without a standard assign first. */
const learningAims: SeedLearningAim[] = [{ id: 900001, learnerId: learners[0]!.id, standardId: 301 }];

const byRole = (role: SeedUser['role']): SeedUser[] => staff.filter((u) => u.role === role);

export const SEED = {
	customer: { id: 2123, name: 'Northgate Training Group (sandbox)' },
	organisations: ORGANISATIONS,
	classrooms,
	placements,
	providers,
	learnerStatuses,
	learningAimStatuses,
	assessors: byRole(5),
	traineeAssessors: byRole(4),
	iqas: byRole(10),
	employers: byRole(40),
	observers: byRole(45),
	learners,
	standards,
	units,
	frameworkTemplates,
	learningAims,
	/** The large organisation's generated learners: IDs firstId..lastId, names from the seeded PRNG. */
	generatedLearners: { organisationId: ORGANISATIONS.large.id, count: 250, firstId: 140001, lastId: 140250 },
	/** IDs of users created through the API start here. */
	firstCreatedUserId: 150001,
	/** IDs of learning aims created through the API start here. */
	firstLearningAimId: 900101,
	/** IDs of placements, classrooms, visits and reviews created through the API start here. */
	firstCreatedPlacementId: 8901,
	firstCreatedClassroomId: 15501,
	firstVisitId: 600001,
	firstCreatedReviewId: 710001,
} as const;

export interface SeedForOrganisation {
	organisation: SeedOrganisation;
	classrooms: SeedNamed[];
	placements: SeedNamed[];
	providers: SeedNamed[];
	learnerStatuses: SeedNamed[];
	learningAimStatuses: SeedNamed[];
	assessors: SeedUser[];
	traineeAssessors: SeedUser[];
	iqas: SeedUser[];
	employers: SeedUser[];
	observers: SeedUser[];
	learners: SeedUser[];
	standards: SeedStandard[];
	units: SeedUnit[];
	frameworkTemplates: SeedFrameworkTemplate[];
}

/** The seeded records of one organisation (fixed ones; not the generated learners). */
export function seedFor(organisationId: number): SeedForOrganisation {
	const organisation = ORG_LIST.find((o) => o.id === organisationId);
	if (!organisation) throw new Error(`No seeded organisation ${organisationId}`);
	const inOrg = <T extends { organisationId: number }>(list: readonly T[]): T[] => list.filter((x) => x.organisationId === organisationId);
	const orgStandards = standards.filter((s) => s.organisationIds.includes(organisationId));
	return {
		organisation,
		classrooms: inOrg(classrooms),
		placements: inOrg(placements),
		providers: inOrg(providers),
		learnerStatuses: inOrg(learnerStatuses),
		learningAimStatuses: inOrg(learningAimStatuses),
		assessors: inOrg(SEED.assessors),
		traineeAssessors: inOrg(SEED.traineeAssessors),
		iqas: inOrg(SEED.iqas),
		employers: inOrg(SEED.employers),
		observers: inOrg(SEED.observers),
		learners: inOrg(learners),
		standards: orgStandards,
		units: units.filter((u) => orgStandards.some((s) => s.id === u.standardId)),
		frameworkTemplates: inOrg(frameworkTemplates),
	};
}
