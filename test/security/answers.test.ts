/**
 * Hostile input, round 2, points 4 and 5: answers that are not what they should be are errors in
 * words (never "nothing"), the same way in every operation; junk entries carry no record; IDs past
 * 2^53 are kept exactly; OneFile's fields cannot pose as the node's own; Selected Fields names only
 * fields of the record; keys named __proto__, constructor or prototype never reach the output.
 * Through n8n's engine against a hostile OneFile (and bksb) on loopback.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, useHosts } from './fixture';
import { json, oneFileRoutes, type Handler } from './hosts';

const hosts = useHosts();

/** A route that answers 200 with exactly this JSON text. */
const raw =
	(text: string): Handler =>
	(_req, res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(text);
	};

const timesheets: INodeParameters = { resource: 'timesheet', operation: 'getAll', learnerId: byId(5), returnAll: true };
const getUser: INodeParameters = { resource: 'user', operation: 'get', userId: byId(5), output: 'raw' };
const listUsers: INodeParameters = { resource: 'user', operation: 'getAll', organisationId: byId(10), returnAll: true };
const getAim: INodeParameters = { resource: 'learningAim', operation: 'get', learningAimId: byId(9) };

describe('a list answer that is not a list is an error in every list operation', () => {
	test.each([
		['an object', '{"Entries": []}'],
		['a number', '7'],
		['true', 'true'],
		['text', '"nothing here"'],
	])('Timesheet → Get Many answered %s', async (_name, text) => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/Timesheet/Learner/5': raw(text) });
		const result = await hosts.runOneFile(timesheets, [{}], { continueOnFail: true });
		expect(result.json).toHaveLength(1);
		expect(result.json[0].error).toMatch(/^OneFile's answer could not be used while trying to list the timesheet of learner 5: it sent .* instead of a list$/);
	});

	test.each([
		['an object', '{"Users": []}'],
		['a number', '3'],
	])('User → Get Many answered %s', async (_name, text) => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User/Search/1/50': raw(text) });
		const result = await hosts.runOneFile(listUsers, [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/^OneFile's answer could not be used while trying to list users: it sent .* instead of a list$/);
	});

	test('bksb → User Group → Get Members answered a Users that is not a list', async () => {
		hosts.api.routes = { 'GET /api/userGroups/userGroup/3/getMembers': (_req, res) => json(res, 200, { Users: 'none', Pagination: {} }) };
		const result = await hosts.runBksb({ resource: 'userGroup', operation: 'getMembers', userGroupId: 3, returnAll: true }, [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/^bksb's answer could not be used while trying to list the members of bksb group 3: it sent a Users that is not a list$/);
	});
});

describe('a record answer that is a list, a scalar or nothing is an error', () => {
	test.each([
		['a list', '[{"ID": 5}]'],
		['a number', '5'],
		['text', '"ok"'],
	])('User → Get answered %s', async (_name, text) => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': raw(text) });
		const result = await hosts.runOneFile(getUser, [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/^OneFile's answer could not be used while trying to get user 5: it sent .* instead of one record$/);
	});

	test('Learning Aim → Get answered 204 (nothing)', async () => {
		hosts.api.routes = oneFileRoutes('/api', {
			'GET /api/LearningAim/9': (_req, res) => {
				res.writeHead(204);
				res.end();
			},
		});
		const result = await hosts.runOneFile(getAim, [{}], { continueOnFail: true });
		expect(result.json[0].error).toBe("OneFile's answer could not be used while trying to get learning aim 9: it sent nothing instead of one record");
	});

	test('bksb → User → Get answered a list', async () => {
		hosts.api.routes = { 'GET /api/users/user/4': (_req, res) => json(res, 200, [{ UserId: 4 }]) };
		const result = await hosts.runBksb({ resource: 'user', operation: 'get', userId: 4 }, [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/^bksb's answer could not be used while trying to .*: it sent a list instead of one record$/);
	});
});

describe('junk inside a list carries no record', () => {
	test('User → Get Many: null, numbers, text and lists among the rows are left out', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User/Search/1/50': raw('[{"ID": 1, "FirstName": "A"}, null, 5, "x", [1], {"ID": 2, "FirstName": "B"}]') });
		const result = await hosts.runOneFile(listUsers);
		expect(result.json).toEqual([{ ID: 1, FirstName: 'A' }, { ID: 2, FirstName: 'B' }]);
	});

	test('Timesheet → Get Many: a null entry is not an empty entry', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/Timesheet/Learner/5': raw('[null, {"TimesheetCategory": "Training", "IsOffTheJob": true}, 3]') });
		const result = await hosts.runOneFile(timesheets);
		expect(result.json).toEqual([{ learnerId: 5, TimesheetCategory: 'Training', IsOffTheJob: true }]);
	});
});

describe('IDs above 2^53 are kept exactly, never rounded', () => {
	test('in a list: the ID comes out as its exact digits', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User/Search/1/50': raw('[{"ID": 12345678901234567891, "MISID": "X"}, {"ID": 9007199254740993}]') });
		const result = await hosts.runOneFile(listUsers);
		expect(result.json.map((r) => r.ID)).toEqual(['12345678901234567891', '9007199254740993']);
	});

	test('a Standard assign answered with a learning aim ID above 2^53: its exact digits', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/Standard/301/Assign/5': raw('98765432109876543210') });
		const result = await hosts.runOneFile({ resource: 'learning', operation: 'assignStandard', learnerId: byId(5), standardId: byId(301) });
		expect(result.json[0].learningAimId).toBe('98765432109876543210');
	});

	test('an ID above 2^53 from a search is never used in a path: Create or Update fails in words', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User/Search/1/10': raw('[{"ID": 12345678901234567891, "FirstName": "Ada", "LastName": "Lovelace", "MISID": "M1"}]') });
		const parameters = { resource: 'user', operation: 'upsert', role: 'assessor', matchBy: 'misId', misId: 'M1', organisationId: byId(10), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
		const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/answered with an ID that is not a OneFile ID/);
		expect(hosts.api.seen.filter((r) => r.path.startsWith('/api/User/1'))).toEqual([]);
	});
});

describe("OneFile's fields never pose as the node's own", () => {
	test("Timesheet: an entry's own learnerId is kept beside the node's", async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/Timesheet/Learner/5': raw('[{"learnerId": 999, "TimesheetCategory": "Training"}]') });
		const result = await hosts.runOneFile(timesheets);
		expect(result.json[0]).toEqual({ learnerId: 5, 'learnerId (OneFile)': 999, TimesheetCategory: 'Training' });
	});

	test("Off-the-Job → Get Summary: OneFile's percentOfPlanned does not replace the node's", async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5/offthejob': raw('{"PlannedOTJ": 100, "CachedActualHours": 25, "percentOfPlanned": "lots", "learnerId": 1}') });
		const result = await hosts.runOneFile({ resource: 'offTheJob', operation: 'getSummary', learnerId: byId(5) });
		expect(result.json[0]).toEqual(expect.objectContaining({ learnerId: 5, percentOfPlanned: 25, 'percentOfPlanned (OneFile)': 'lots', 'learnerId (OneFile)': 1 }));
	});
});

describe('output hygiene', () => {
	test('Selected Fields names only fields of the record: no JavaScript internals, no dotted paths', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': raw('{"ID": 5, "FirstName": "Ada", "Address": {"Town": "Leeds"}}') });
		const result = await hosts.runOneFile({ ...getUser, output: 'selected', fields: 'constructor, __proto__, toString, hasOwnProperty, Address.Town, valueOf, id' });
		expect(result.json[0]).toEqual({ ID: 5 });
		expect(Object.keys(result.items[0].json)).toEqual(['ID']);
	});

	test.each([
		['a record', 'GET /api/User/5', getUser, '{"ID": 5, "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "Nested": {"__proto__": {"polluted": "yes"}, "ok": 1}}'],
		['a list', 'POST /api/User/Search/1/50', listUsers, '[{"ID": 5, "__proto__": {"polluted": "yes"}, "prototype": 1}]'],
	])('keys named __proto__, constructor or prototype in %s are dropped before output', async (_name, route, parameters, text) => {
		hosts.api.routes = oneFileRoutes('/api', { [route]: raw(text) });
		const result = await hosts.runOneFile(parameters as INodeParameters);
		const item = result.json[0] as IDataObject;
		expect((item as { polluted?: unknown }).polluted).toBeUndefined();
		expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype']));
		expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
		expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
		expect(item.ID).toBe(5);
	});
});
