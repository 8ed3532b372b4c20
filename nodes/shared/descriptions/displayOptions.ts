import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Adds resource/operation conditions to every property of an operation file, keeping each
 * property's own conditions (such as `show.role`). A plain key merge, not lodash's deep merge,
 * which would merge condition arrays index by index.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions ?? {};
		const merged: IDisplayOptions = {};
		for (const key of ['show', 'hide'] as const) {
			if (own[key] || displayOptions[key]) merged[key] = { ...own[key], ...displayOptions[key] };
		}
		return { ...property, displayOptions: merged };
	});
}
