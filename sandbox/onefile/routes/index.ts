/** The OneFile API route table, relative to basePath. */
import { route, searchRoutes, type Route } from '../router';
import { authenticate } from './auth';
import { catalogueRoutes } from './catalogue';
import { learningRoutes } from './learning';
import { learningAimWriteRoutes } from './learning-aim-update';
import { organisationRecordRoutes } from './organisation-records';
import { organisationRoutes } from './organisation';
import { createReview, createVisit } from './scheduling';
import { progressRoutes } from './progress';
import { assignUser } from './user-assign';
import { createUser } from './user-create';
import { getUser, searchUsers } from './user-read';
import { updateUser } from './user-update';

/** The create route, which the ambiguous-create fault targets. */
export const CREATE_USER_ROUTE = route('POST', 'User', createUser);

export function apiRoutes(): Route[] {
	return [
		route('POST', 'Authentication', authenticate, false),
		...organisationRoutes,
		...searchRoutes('User', searchUsers),
		CREATE_USER_ROUTE,
		route('GET', 'User/{id:int}', getUser),
		route('POST', 'User/{id:int}', updateUser),
		route('POST', 'User/{id:int}/Assign', assignUser),
		...catalogueRoutes(),
		...organisationRecordRoutes,
		...learningRoutes,
		...progressRoutes,
		...learningAimWriteRoutes,
		route('POST', 'Visit', createVisit),
		route('POST', 'Review', createReview),
	];
}
