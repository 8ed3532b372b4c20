/**
 * The progress operations read OneFile's answers tolerantly: these calls are known from client code
 * only, so a server that sends numbers and flags as text, dates without a zone, fields the node does
 * not know, or nothing at all must still give sensible items.
 */
import { byId, useHosts } from '../security/fixture';
import { json, oneFileRoutes } from '../security/hosts';

const hosts = useHosts();

test('off-the-job figures as text, without a percentage: numbers read, the percentage worked out, unknown fields kept', async () => {
	hosts.api.routes = oneFileRoutes('/api', {
		'GET /api/User/20/offthejob': (_req, res) => json(res, 200, { ID: '7', PlannedOTJ: '300', MinimumOTJ: '278', CachedActualHours: '75.5', NewField: 'kept' }),
	});
	const result = await hosts.runOneFile({ resource: 'offTheJob', operation: 'getSummary', learnerId: byId(20) });
	expect(result.json[0]).toEqual(expect.objectContaining({ learnerId: 20, plannedHours: 300, minimumHours: 278, actualHours: 75.5, percentOfPlanned: 25.2, NewField: 'kept', ID: 7 }));
});

test('reviews with dates without a zone and flags as text: dates read as UTC', async () => {
	hosts.api.routes = oneFileRoutes('/api', {
		'GET /api/Review/5': (_req, res) => json(res, 200, { ID: 5, LearnerID: '20', ScheduledFor: '2026-11-30T09:00:00', LearnerSignedOn: '', Extra: true }),
	});
	const result = await hosts.runOneFile({ resource: 'review', operation: 'get', reviewId: byId(5), output: 'raw' });
	expect(result.json[0]).toEqual({ ID: 5, LearnerID: 20, ScheduledFor: '2026-11-30T09:00:00.000Z', LearnerSignedOn: null, Extra: true });
});

test('a timesheet with IsOffTheJob as "True"/"False", and an empty answer (204) is no items', async () => {
	hosts.api.routes = oneFileRoutes('/api', {
		'GET /api/Timesheet/Learner/20': (_req, res) =>
			json(res, 200, [
				{ FromDate: '2026-11-01T09:00:00', ToDate: '2026-11-01T15:00:00', IsOffTheJob: 'True', TimesheetCategory: 'College' },
				{ FromDate: '2026-11-02T09:00:00', IsOffTheJob: 'False' },
			]),
		'GET /api/Timesheet/Learner/21': (_req, res) => {
			res.writeHead(204);
			res.end();
		},
	});
	const some = await hosts.runOneFile({ resource: 'timesheet', operation: 'getAll', learnerId: byId(20), returnAll: true, filters: { offTheJobOnly: true } });
	expect(some.json).toEqual([{ learnerId: 20, FromDate: '2026-11-01T09:00:00.000Z', ToDate: '2026-11-01T15:00:00.000Z', IsOffTheJob: true, TimesheetCategory: 'College' }]);
	const none = await hosts.runOneFile({ resource: 'timesheet', operation: 'getAll', learnerId: byId(21), returnAll: true });
	expect(none.status).toBe('success');
	expect(none.json).toEqual([]);
});

test("a review list whose paged path is not there (404) falls back to the documented one", async () => {
	hosts.api.routes = oneFileRoutes('/api', {
		'POST /api/Review/Search': (_req, res) => json(res, 200, [{ ID: 1, LearnerID: 20, ScheduledFor: '2026-11-30T09:00:00Z' }]),
	});
	const result = await hosts.runOneFile({ resource: 'review', operation: 'getAll', organisationId: byId(10), returnAll: true });
	expect(result.json).toEqual([{ ID: 1, LearnerID: 20, ScheduledFor: '2026-11-30T09:00:00.000Z' }]);
	expect(hosts.api.seen.map((r) => r.path).filter((p) => p.includes('Review'))).toEqual(['/api/Review/Search/1/50', '/api/Review/Search']);
});
