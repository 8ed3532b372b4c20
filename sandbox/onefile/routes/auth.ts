/** POST /Authentication (docs/onefile-api.md §2). */
import { ERROR_CODE } from '../contract';
import { json, text, type Reply } from '../reply';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';

export function authenticate(ctx: RequestContext, state: SandboxState): Reply {
	// [C] Clients send no body, an empty form or `[]`; the body is ignored whatever it holds.
	const { counters } = state.log;
	counters.authCalls++;
	const customerToken = ctx.headers['x-customertoken'];
	if (customerToken === undefined || !state.settings.customerTokens.includes(customerToken)) {
		counters.authFailures++;
		// [G] Status and body are undocumented; the message never repeats the token.
		return json(state.settings.auth.badCustomerTokenStatus, {
			code: ERROR_CODE.CustomerTokenInvalid,
			message: customerToken === undefined ? 'The X-CustomerToken header is missing' : 'The customer token is not valid',
		});
	}
	const session = state.sessions.issue(state.now());
	ctx.issuedSessionNo = session.no;
	// [C] A bare token; [G] text/plain. The quoted variant is how ASP.NET would serialise a string.
	return state.settings.auth.quoteToken ? json(200, session.token) : text(200, session.token);
}
