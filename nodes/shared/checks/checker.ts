import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeProblems, type Problem } from './problems';
import {
	isBlank,
	normaliseBoolean,
	normaliseId,
	normaliseTextId,
	normaliseValue,
	describeValue,
	type Normalised,
	type ValueKind,
} from './values';

/** A parameter's value in any context; resource locators give their ID. */
function readParameter(
	context: CheckContext,
	name: string,
	itemIndex: number | undefined,
	fallback: unknown,
): unknown {
	if ('getInputData' in context)
		return context.getNodeParameter(name, itemIndex ?? 0, fallback, { extractValue: true });
	return context.getNodeParameter(name, fallback, { extractValue: true });
}

interface ReadOptions {
	/** Blank is fine: the result is undefined and no problem is noted. */
	optional?: boolean;
}

type Done<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** Where parameters come from: a node's run (per item), a trigger's poll, or a dropdown's load. */
export type CheckContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/**
 * The input checks of one item: read each value, note every problem (not just the first), and
 * stop the item before any request with one error that names the row, each field and its fix.
 *
 *   const check = new Checker(this, itemIndex, 'Cannot assign the unit', 'OneFile');
 *   const learner = check.id('Learner', check.param('learnerId'));
 *   const unit = check.textId('Unit', check.param('unitId'), 'KS_COMM1');
 *   const ids = check.done({ learner, unit });   // throws if anything was wrong; typed without undefined
 */
export class Checker {
	readonly problems: Problem[] = [];

	constructor(
		/** The run's context (n8n's execute, poll or load-options functions). */
		readonly context: CheckContext,
		/** The row; undefined for a trigger's poll, whose settings belong to no row. */
		readonly itemIndex: number | undefined,
		/** What could not be done: "Cannot create the Learner". */
		readonly subject: string,
		/** Whose IDs these are, for messages: "OneFile", "bksb". */
		readonly service: string,
	) {}

	/** A parameter's value; resource locators give their ID, whichever mode the user chose. */
	param(name: string, fallback: unknown = ''): unknown {
		return readParameter(this.context, name, this.itemIndex, fallback);
	}

	/** A collection parameter (Filters, Additional Fields, Options), always an object. */
	collection(name: string): IDataObject {
		const value = readParameter(this.context, name, this.itemIndex, {});
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as IDataObject)
			: {};
	}

	/**
	 * A yes/no setting or field. An expression may hand over a sheet's TRUE, "yes", 1 or "off":
	 * the usual spellings of yes and no are read as such (normaliseBoolean), blank is `fallback`,
	 * anything else is a problem naming the setting, so the row stops before any request. Never
	 * compare a yes/no parameter with `=== true`: an expression's "TRUE" would read as no.
	 */
	flag(label: string, raw: unknown, fallback: boolean): boolean {
		if (isBlank(raw)) return fallback;
		const result = normaliseBoolean(raw);
		if (result.ok) return result.value;
		this.add({ field: label, problem: result.problem, fix: result.fix });
		return fallback;
	}

	/** One of a choice's values (an options parameter, possibly set by an expression). */
	choice<T extends string>(label: string, raw: unknown, allowed: readonly T[], fallback: T): T {
		if (isBlank(raw)) return fallback;
		const found = allowed.find((value) => value === raw);
		if (found !== undefined) return found;
		this.add({
			field: label,
			problem: `${describeValue(raw)} is not one of its choices`,
			fix: `Use one of: ${allowed.join(', ')}`,
		});
		return fallback;
	}

	/**
	 * A whole number from `min` to `max` (a number option, possibly set by an expression: "4" is 4).
	 * Blank is `fallback`; anything else is a problem naming the option and its range.
	 */
	wholeNumber(
		label: string,
		raw: unknown,
		range: { min: number; max: number },
		fallback: number,
	): number {
		if (isBlank(raw)) return fallback;
		const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
		if (
			typeof value === 'number' &&
			Number.isInteger(value) &&
			value >= range.min &&
			value <= range.max
		)
			return value;
		this.add({
			field: label,
			problem: `${describeValue(raw)} is not a whole number from ${range.min} to ${range.max}`,
			fix: `Set ${label} to a whole number from ${range.min} to ${range.max}`,
		});
		return fallback;
	}

	add(problem: Problem): void {
		this.problems.push(problem);
	}

	id(label: string, raw: unknown, options: ReadOptions = {}): number | undefined {
		return this.read(label, raw, options, () => normaliseId(raw, this.service));
	}

	textId(
		label: string,
		raw: unknown,
		example: string,
		options: ReadOptions = {},
	): string | undefined {
		return this.read(label, raw, options, () => normaliseTextId(raw, this.service, example));
	}

	text(label: string, raw: unknown, options: ReadOptions = {}): string | undefined {
		return this.value('text', label, raw, options) as string | undefined;
	}

	/** A value of any kind the role table knows (email, date, ULN…). */
	value(
		kind: ValueKind,
		label: string,
		raw: unknown,
		options: ReadOptions = {},
	): string | number | boolean | undefined {
		return this.read(label, raw, options, () => normaliseValue(kind, raw, this.service));
	}

	private read<T>(
		label: string,
		raw: unknown,
		options: ReadOptions,
		normalise: () => Normalised<T>,
	): T | undefined {
		if (isBlank(raw)) {
			if (!options.optional)
				this.add({
					field: label,
					problem: 'is missing',
					fix: `Fill in the ${label}, or map a column that has it on every row`,
				});
			return undefined;
		}
		const result = normalise();
		if (result.ok) return result.value;
		this.add({ field: label, problem: result.problem, fix: result.fix });
		return undefined;
	}

	/** Throws one item error naming every problem; otherwise hands back the values, now known to be there. */
	done(): void;
	done<T extends object>(values: T): Done<T>;
	done<T extends object>(values?: T): Done<T> | void {
		if (this.problems.length > 0) {
			const { message, description } = describeProblems(
				this.subject,
				this.itemIndex,
				this.problems,
			);
			throw new NodeOperationError(this.context.getNode(), message, {
				itemIndex: this.itemIndex,
				description,
			});
		}
		return values as Done<T> | undefined;
	}
}
