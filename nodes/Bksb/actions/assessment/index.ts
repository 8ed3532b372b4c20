import type { INodeProperties } from 'n8n-workflow';

import * as getDiagnosticLink from './getDiagnosticLink.operation';
import * as getInitialLink from './getInitialLink.operation';
import * as getReportLink from './getReportLink.operation';

export { getDiagnosticLink, getInitialLink, getReportLink };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['assessment'] } },
		options: [
			{
				name: 'Get Diagnostic Link',
				value: 'getDiagnosticLink',
				description: "Auto-login link to the diagnostic at the learner's working level",
				action: 'Get a diagnostic assessment link',
			},
			{
				name: 'Get Initial Assessment Link',
				value: 'getInitialLink',
				description: 'Auto-login link that starts the initial assessment',
				action: 'Get an initial assessment link',
			},
			{
				name: 'Get Report Link',
				value: 'getReportLink',
				description: 'Link to the end-of-assessment report of a session',
				action: 'Get an assessment report link',
			},
		],
		default: 'getInitialLink',
	},
	...getInitialLink.description,
	...getDiagnosticLink.description,
	...getReportLink.description,
];
