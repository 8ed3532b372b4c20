import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeProblems, type Problem } from './problems';
import {
	isBlank,
	normaliseId,
	normaliseTextId,
	normaliseValue,
	type Normalised,
	type ValueKind,
} from './values';

interface ReadOptions {
	/** Blank is fine: the result is undefined and no problem is noted. */
	optional?: boolean;
}

type Done<T> = { [K in keyof T]: Exclude<T[K], undefined> };

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
		private readonly context: IExecuteFunctions,
		readonly itemIndex: number,
		/** What could not be done: "Cannot create the Learner". */
		readonly subject: string,
		/** Whose IDs these are, for messages: "OneFile", "bksb". */
		readonly service: string,
	) {}

	/** A parameter's value; resource locators give their ID, whichever mode the user chose. */
	param(name: string, fallback: unknown = ''): unknown {
		return this.context.getNodeParameter(name, this.itemIndex, fallback, { extractValue: true });
	}

	/** A collection parameter (Filters, Additional Fields), always an object. */
	collection(name: string): IDataObject {
		const value = this.context.getNodeParameter(name, this.itemIndex, {});
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as IDataObject)
			: {};
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
