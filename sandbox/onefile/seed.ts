/**
 * Builds a fresh Store from the fixed SEED plus the large organisation's generated learners.
 * The same seed gives the same store, byte for byte.
 */
import { pick, randomInt, type Random } from './prng';
import { seedProgress } from './seed-progress';
import { SEED, seedFor, type SeedUser } from './seed-data';
import { Store } from './store';
import type { SandboxUser } from './types';

/** LastModified of every fixed seeded record. */
const SEEDED_AT = '2024-01-15T09:00:00.000Z';

const FIRST_NAMES = [
	'Adam', 'Beth', 'Callum', 'Daisy', 'Ethan', 'Freya', 'George', 'Hannah', 'Isaac', 'Jasmine',
	'Kai', 'Lily', 'Mason', 'Niamh', 'Owen', 'Phoebe', 'Rhys', 'Sophie', 'Tyler', 'Yasmin',
];
const LAST_NAMES = [
	'Ahmed', 'Barker', 'Clarke', 'Dawson', 'Evans', 'Foster', 'Green', 'Hall', 'Iqbal', 'Jones',
	'Knight', 'Lowe', 'Mitchell', 'Naylor', 'Owens', 'Parker', 'Quinn', 'Robinson', 'Stone', 'Taylor',
];

function userFromSeed(seed: SeedUser): SandboxUser {
	const user: SandboxUser = {
		ID: seed.id,
		OrganisationID: seed.organisationId,
		Role: seed.role,
		Username: seed.username,
		FirstName: seed.firstName,
		LastName: seed.lastName,
		Email: seed.email,
		MISID: seed.misid,
		CreatedOn: SEEDED_AT,
		LastModified: SEEDED_AT,
	};
	if (seed.placementId !== undefined) user.PlacementID = seed.placementId;
	if (seed.classroomId !== undefined) user.ClassroomID = seed.classroomId;
	if (seed.defaultAssessorId !== undefined) user.DefaultAssessorID = seed.defaultAssessorId;
	if (seed.role === 1) user.StartOn = '2024-01-08T00:00:00.000Z';
	return user;
}

function generatedLearners(random: Random): SandboxUser[] {
	const { organisationId, count, firstId } = SEED.generatedLearners;
	const org = seedFor(organisationId);
	const from = Date.UTC(2023, 0, 1);
	const to = Date.UTC(2025, 5, 30);
	const learners: SandboxUser[] = [];
	for (let index = 0; index < count; index++) {
		const first = pick(random, FIRST_NAMES);
		const last = pick(random, LAST_NAMES);
		const id = firstId + index;
		const number = String(index + 1).padStart(4, '0');
		const modified = new Date(randomInt(random, from, to)).toISOString();
		learners.push({
			ID: id,
			OrganisationID: organisationId,
			Role: 1,
			Username: `${first[0]}${last}${id % 1000}`.toLowerCase(),
			FirstName: first,
			LastName: last,
			// Index in the address keeps every generated email unique whatever names the seed picks.
			Email: `${first}.${last}.${number}@learners.northgate-eng.example`.toLowerCase(),
			MISID: `ENG-${number}`,
			DefaultAssessorID: org.assessors[index % org.assessors.length]!.id,
			ClassroomID: org.classrooms[index % org.classrooms.length]!.id,
			PlacementID: org.placements[index % org.placements.length]!.id,
			StartOn: modified.slice(0, 10) + 'T00:00:00.000Z',
			CreatedOn: modified,
			LastModified: modified,
		});
	}
	return learners;
}

export function buildStore(random: Random, now: number): Store {
	const store = new Store();
	store.customer = { ID: SEED.customer.id, Name: SEED.customer.name };
	for (const org of Object.values(SEED.organisations)) {
		store.organisations.set(org.id, {
			ID: org.id,
			CustomerID: SEED.customer.id,
			Name: org.name,
			KeychainCreationForNewUserActive: org.keychain,
			KeychainEmailSuppression: org.emailSuppression,
		});
	}
	for (const c of SEED.classrooms) {
		store.classrooms.set(c.id, { ID: c.id, OrganisationID: c.organisationId, Name: c.name, MISID: c.misid, CreatedOn: SEEDED_AT, LastModified: SEEDED_AT });
	}
	for (const p of SEED.placements) {
		store.placements.set(p.id, {
			ID: p.id,
			OrganisationID: p.organisationId,
			Name: p.name,
			MISID: p.misid,
			Active: true,
			Address: `1 ${p.name} Way\nLeeds\nLS1 1AA`,
			CreatedOn: SEEDED_AT,
			LastModified: SEEDED_AT,
		});
	}
	for (const p of SEED.providers) store.providers.set(p.id, { ID: p.id, OrganisationID: p.organisationId, Name: p.name });
	for (const s of SEED.learnerStatuses) store.learnerStatuses.set(s.id, { ID: s.id, OrganisationID: s.organisationId, Name: s.name });
	for (const s of SEED.learningAimStatuses) store.learningAimStatuses.push({ ID: s.id, OrganisationID: s.organisationId, Name: s.name });
	for (const s of SEED.standards) store.standards.set(s.id, { ID: s.id, Title: s.title, OrganisationIDs: [...s.organisationIds] });
	for (const u of SEED.units) {
		store.units.set(u.id.toUpperCase(), { ID: u.id, StandardID: u.standardId, Title: u.title, NDAQCode: `600/${u.standardId}/${u.id.slice(-1)}`, Display: true });
	}
	for (const t of SEED.frameworkTemplates) {
		store.frameworkTemplates.set(t.id, { ID: t.id, OrganisationID: t.organisationId, Name: t.name, StandardIDs: [...t.standardIds] });
	}
	const fixedUsers = [
		...SEED.assessors, ...SEED.traineeAssessors, ...SEED.iqas, ...SEED.employers, ...SEED.observers, ...SEED.learners,
	];
	for (const user of fixedUsers) store.addUser(userFromSeed(user));
	for (const learner of generatedLearners(random)) store.addUser(learner);
	store.nextUserId = SEED.firstCreatedUserId;
	for (const aim of SEED.learningAims) {
		store.learningAims.set(aim.id, { ID: aim.id, UserID: aim.learnerId, StandardID: aim.standardId, Status: 1, UnitIDs: [], Progress: 25 });
	}
	store.nextLearningAimId = SEED.firstLearningAimId;
	store.nextPlacementId = SEED.firstCreatedPlacementId;
	store.nextClassroomId = SEED.firstCreatedClassroomId;
	store.nextVisitId = SEED.firstVisitId;
	store.nextReviewId = SEED.firstCreatedReviewId;
	seedProgress(store, now);
	return store;
}
