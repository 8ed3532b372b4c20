import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Checker } from '../checks/checker';
import { pick } from '../items/output';

export type OutputMode = 'simplified' | 'raw' | 'selected';
const OUTPUT_MODES: readonly OutputMode[] = ['simplified', 'raw', 'selected'];

/**
 * *Output*: Simplified / Raw / Selected Fields, as n8n's UX guidelines ask of reads that an AI agent
 * uses: a record of many fields costs the model tokens and attention, so by default only the main
 * fields go out; Selected Fields names exactly what the agent (or the workflow) needs.
 */
export function outputProperties(
	simpleFields: readonly string[],
	/** The record's known fields: the picker of version 1.2 (ID is always kept). */
	knownFields: readonly string[] = simpleFields,
): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'Raw', value: 'raw', description: 'The whole record as OneFile returns it' },
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'Only the fields chosen in Fields',
				},
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
			// Nodes saved before 1.2: the names typed, separated by commas.
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'e.g. ID, FirstName, Email',
			description: "OneFile's field names to return, separated by commas",
			displayOptions: { show: { output: ['selected'], '@version': [{ _cnd: { lt: 1.2 } }] } },
		},
		{
			displayName: 'Fields',
			name: 'selectedFields',
			type: 'multiOptions',
			options: [...new Set(knownFields)].sort().map((field) => ({ name: field, value: field })),
			default: ['ID'],
			description: 'The fields to return; ID is always returned',
			displayOptions: { show: { output: ['selected'], '@version': [{ _cnd: { gte: 1.2 } }] } },
		},
	];
}

/**
 * The Output choice of an item, read through its checks (a problem stops the row), as a function
 * that shapes each record. `simplify` is the older yes/no form some operations keep (off = Raw).
 */
export function readOutput(
	check: Checker,
	simpleFields: readonly string[],
	options: { simplifyParam?: string } = {},
): (record: IDataObject) => IDataObject {
	const simplify =
		options.simplifyParam === undefined ||
		check.flag('Simplify', check.param(options.simplifyParam, true), true);
	const mode = simplify
		? check.choice('Output', check.param('output', 'simplified'), OUTPUT_MODES, 'simplified')
		: 'raw';
	const selected = mode === 'selected' ? selectedFields(check) : [];
	return (record) => shapeOutput(record, mode, simpleFields, selected);
}

function selectedFields(check: Checker): string[] {
	// The picker (1.2) or the typed names (earlier versions); ID always comes with the picker's.
	if (check.context.getNode().typeVersion >= 1.2) {
		const picked = check.param('selectedFields', ['ID']);
		const list = Array.isArray(picked) ? picked : [picked];
		return ['ID', ...list.filter((field): field is string => typeof field === 'string')];
	}
	const raw = check.param('fields', '');
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
	if (list === undefined || list.some((field) => typeof field !== 'string')) {
		check.add({
			field: 'Fields',
			problem: 'is not a list of field names',
			fix: "List OneFile's field names separated by commas, e.g. ID, FirstName, Email",
		});
		return [];
	}
	return (list as string[]).map((field) => field.trim()).filter(Boolean);
}

/** The record as the Output choice shapes it. Pure. */
export function shapeOutput(
	record: IDataObject,
	mode: OutputMode,
	simpleFields: readonly string[],
	selected: readonly string[],
): IDataObject {
	if (mode === 'raw') return record;
	if (mode === 'selected') {
		// Only the record's own fields: OneFile's keys are PascalCase, and a field typed in another
		// case still matches; a name the record lacks (toString, __proto__, a.b) gives nothing.
		const keys = Object.keys(record);
		return pick(
			record,
			selected
				.map((field) => keys.find((key) => key.toLowerCase() === field.toLowerCase()))
				.filter((key): key is string => key !== undefined),
		);
	}
	return pick(record, simpleFields);
}
