import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { pick } from '../items/output';

export type OutputMode = 'simplified' | 'raw' | 'selected';

/**
 * *Output*: Simplified / Raw / Selected Fields, as n8n's UX guidelines ask of reads that an AI agent
 * uses: a record of many fields costs the model tokens and attention, so by default only the main
 * fields go out; Selected Fields names exactly what the agent (or the workflow) needs.
 */
export function outputProperties(simpleFields: readonly string[]): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'Raw', value: 'raw', description: 'The whole record as OneFile returns it' },
				{ name: 'Selected Fields', value: 'selected', description: 'Only the fields listed below' },
				{
					name: 'Simplified',
					value: 'simplified',
					description: `Only the main fields: ${simpleFields.join(', ')}`,
				},
			],
			default: 'simplified',
			description: 'Which fields of each record to return',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'e.g. ID, FirstName, Email',
			description: "OneFile's field names to return, separated by commas",
			displayOptions: { show: { output: ['selected'] } },
		},
	];
}

/** The record as the Output choice shapes it. Pure. */
export function shapeOutput(
	record: IDataObject,
	mode: unknown,
	simpleFields: readonly string[],
	selected: unknown,
): IDataObject {
	if (mode === 'raw') return record;
	if (mode === 'selected') {
		const wanted = String(selected ?? '')
			.split(',')
			.map((field) => field.trim())
			.filter(Boolean);
		// OneFile's keys are PascalCase; a field typed in another case still matches.
		const keys = Object.keys(record);
		return pick(
			record,
			wanted.map((field) => keys.find((key) => key.toLowerCase() === field.toLowerCase()) ?? field),
		);
	}
	return pick(record, simpleFields);
}
