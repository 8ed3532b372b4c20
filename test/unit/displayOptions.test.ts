import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../nodes/shared/descriptions/displayOptions';

test('adds resource and operation while keeping a field’s own conditions', () => {
	const fields: INodeProperties[] = [
		{ displayName: 'A', name: 'a', type: 'string', default: '', displayOptions: { show: { role: ['learner', 'employer'] }, hide: { x: [true] } } },
		{ displayName: 'B', name: 'b', type: 'string', default: '' },
	];
	const [a, b] = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, fields);
	expect(a.displayOptions).toEqual({ show: { role: ['learner', 'employer'], resource: ['user'], operation: ['create'] }, hide: { x: [true] } });
	expect(b.displayOptions).toEqual({ show: { resource: ['user'], operation: ['create'] } });
	expect(fields[0].displayOptions?.show).toEqual({ role: ['learner', 'employer'] });
});
