/**
 * The sandbox's in-memory OneFile: plain records with OneFile's field names, and the lookups the
 * routes need. Filled by seed.ts; reset by building a new one.
 */
import type { SandboxAssignment, SandboxClassroom, SandboxLearningAim, SandboxOffTheJob, SandboxPlacement, SandboxPlan, SandboxReview, SandboxTimesheet, SandboxUser, SandboxVisit } from './types';

export interface Customer {
	ID: number;
	Name: string;
}

export interface Organisation {
	ID: number;
	CustomerID: number;
	Name: string;
	KeychainCreationForNewUserActive: boolean;
	KeychainEmailSuppression: boolean;
}

export type Classroom = SandboxClassroom;

export type Placement = SandboxPlacement;

export interface Provider {
	ID: number;
	OrganisationID: number;
	Name: string;
}

export interface LearnerStatus {
	ID: number;
	OrganisationID: number;
	Name: string;
}

/** [G] Per organisation, with the same IDs everywhere: they are the values of a learning aim's Status (1 in progress, 2 achieved). */
export interface LearningAimStatus {
	ID: number;
	OrganisationID: number;
	Name: string;
}

/** Standards are a shared catalogue; each organisation has some of them assigned ([G]). */
export interface Standard {
	ID: number;
	Title: string;
	OrganisationIDs: number[];
}

export interface Unit {
	/** String code, e.g. 'KS_COMM1' ([C] C5). */
	ID: string;
	StandardID: number;
	Title: string;
	NDAQCode: string;
	Display: boolean;
}

export interface FrameworkTemplate {
	ID: number;
	OrganisationID: number;
	Name: string;
	StandardIDs: number[];
}

export class Store {
	customer: Customer = { ID: 0, Name: '' };
	readonly organisations = new Map<number, Organisation>();
	readonly classrooms = new Map<number, Classroom>();
	readonly placements = new Map<number, Placement>();
	readonly providers = new Map<number, Provider>();
	readonly learnerStatuses = new Map<number, LearnerStatus>();
	readonly learningAimStatuses: LearningAimStatus[] = [];
	readonly standards = new Map<number, Standard>();
	/** Keyed by the upper-cased code: unit codes are matched case-insensitively ([G]). */
	readonly units = new Map<string, Unit>();
	readonly frameworkTemplates = new Map<number, FrameworkTemplate>();
	readonly users = new Map<number, SandboxUser>();
	readonly assignments: SandboxAssignment[] = [];
	readonly learningAims = new Map<number, SandboxLearningAim>();
	readonly reviews = new Map<number, SandboxReview>();
	readonly visits = new Map<number, SandboxVisit>();
	readonly plans = new Map<number, SandboxPlan>();
	readonly timesheets: SandboxTimesheet[] = [];
	/** Off-the-job figures by learner ID. */
	readonly offTheJob = new Map<number, SandboxOffTheJob>();
	/** Placements an employer user was linked to (AssignPlacement), with grantAccess. */
	readonly placementLinks: Array<{ userId: number; placementId: number; grantAccess: boolean }> = [];
	nextUserId = 1;
	nextLearningAimId = 1;
	nextPlacementId = 1;
	nextClassroomId = 1;
	nextVisitId = 1;
	nextReviewId = 1;

	/**
	 * Lower-cased usernames, and emails and MIS IDs per organisation, for the checks every create
	 * makes. Built on first use, kept up to date by addUser, dropped by userChanged (an update may
	 * change any of them). Without it each create walked every user several times.
	 */
	private index?: { usernames: Set<string>; emails: Map<number, Set<string>>; misids: Map<number, Set<string>> };

	addUser(user: SandboxUser): void {
		this.users.set(user.ID, user);
		if (user.ID >= this.nextUserId) this.nextUserId = user.ID + 1;
		if (this.index) indexUser(this.index, user);
	}

	/** Call after changing a stored user in place. */
	userChanged(): void {
		this.index = undefined;
	}

	private indexes(): NonNullable<Store['index']> {
		if (!this.index) {
			this.index = { usernames: new Set(), emails: new Map(), misids: new Map() };
			for (const user of this.users.values()) indexUser(this.index, user);
		}
		return this.index;
	}

	emailInOrganisation(organisationId: number, email: string): boolean {
		return this.indexes().emails.get(organisationId)?.has(email.toLowerCase()) ?? false;
	}

	misidInOrganisation(organisationId: number, misid: string): boolean {
		return this.indexes().misids.get(organisationId)?.has(misid.toLowerCase()) ?? false;
	}

	unit(code: string): Unit | undefined {
		return this.units.get(code.toUpperCase());
	}

	usernameTaken(username: string): boolean {
		return this.indexes().usernames.has(username.toLowerCase());
	}

	usersInOrganisation(organisationId: number): SandboxUser[] {
		return [...this.users.values()].filter((user) => user.OrganisationID === organisationId);
	}

	/** Learning aims a learner holds for a standard. */
	aimsFor(learnerId: number, standardId?: number): SandboxLearningAim[] {
		return [...this.learningAims.values()].filter(
			(aim) => aim.UserID === learnerId && (standardId === undefined || aim.StandardID === standardId),
		);
	}

	addLearningAim(aim: Omit<SandboxLearningAim, 'ID'>): SandboxLearningAim {
		const stored: SandboxLearningAim = { ID: this.nextLearningAimId++, Progress: 0, ...aim };
		this.learningAims.set(stored.ID, stored);
		return stored;
	}
}

function indexUser(index: { usernames: Set<string>; emails: Map<number, Set<string>>; misids: Map<number, Set<string>> }, user: SandboxUser): void {
	index.usernames.add(String(user.Username).toLowerCase());
	const add = (map: Map<number, Set<string>>, value: unknown) => {
		if (typeof value !== 'string' || value === '') return;
		let set = map.get(user.OrganisationID);
		if (!set) map.set(user.OrganisationID, (set = new Set()));
		set.add(value.toLowerCase());
	};
	add(index.emails, user.Email);
	add(index.misids, user.MISID);
}
