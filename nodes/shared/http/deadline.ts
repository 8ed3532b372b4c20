import type { IHttpRequestOptions } from 'n8n-workflow';

interface HelperContext {
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
	getExecutionCancelSignal?(): AbortSignal | undefined;
}

/**
 * The same n8n context, but every request it sends is aborted at `deadline` as well as when the
 * execution is cancelled.
 *
 * Why a derived context: n8n's `httpRequestWithAuthentication` replaces a request's abort signal
 * with the execution's own (`this.getExecutionCancelSignal()`), and a credential's sign-in
 * (`preAuthentication`) sends through `this.helpers.httpRequest` with no signal at all. Both read
 * from the context they are called on, so the derived context hands them a signal that also fires
 * at the deadline: the request and the sign-in it may trigger stop at the node's Timeout. Anything
 * else is read from the original context through the prototype.
 */
export function contextWithDeadline<T extends HelperContext>(context: T, deadline: AbortSignal): T {
	const cancel =
		typeof context.getExecutionCancelSignal === 'function'
			? context.getExecutionCancelSignal()
			: undefined;
	const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
	const helpers = {
		...context.helpers,
		httpRequest: async (options: IHttpRequestOptions) =>
			await context.helpers.httpRequest({ ...options, abortSignal: signal }),
	};
	return Object.create(context, {
		helpers: { value: helpers },
		getExecutionCancelSignal: { value: () => signal },
	}) as T;
}
