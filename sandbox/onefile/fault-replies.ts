/** What an injected fault answers. Shapes imitate IIS / ASP.NET and a gateway in front of them ([G]). */
import type { EarlyFault } from './faults';
import { json, text, type Reply } from './reply';

const GATEWAY_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><h1>502 - Web server received an invalid response while acting as a gateway or proxy server.</h1>
<p>There is a problem with the page you are looking for, and it cannot be displayed.</p></body></html>
`;

const UNAVAILABLE_PAGE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">
<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD>
<BODY><h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p></BODY></HTML>
`;

/** Cut off mid-object: a 200 whose body a JSON parser must reject. */
const BROKEN_JSON = '[{"ID": 137901, "FirstName": "Aisha", "LastName": "Kh';

export function faultReply(fault: Exclude<EarlyFault, { kind: 'reset' }>): Reply {
	switch (fault.kind) {
		case 'html':
			return text(502, GATEWAY_PAGE, 'text/html; charset=utf-8');
		case 'invalidJson':
			return text(200, BROKEN_JSON, 'application/json; charset=utf-8');
		case 'redirect':
			// A proxy or a moved server sending the client elsewhere: a client that follows it takes its headers along.
			return { ...text(302, `Moved to ${fault.location}`, 'text/plain; charset=utf-8'), headers: { Location: fault.location } };
		case 'status':
			if (fault.status === 429) {
				const seconds = fault.retryAfterSeconds ?? 1;
				return { ...json(429, { code: -1429, message: 'Too many requests; retry later' }), headers: { 'Retry-After': String(seconds) } };
			}
			if (fault.status === 503) return text(503, UNAVAILABLE_PAGE, 'text/html; charset=us-ascii');
			return json(500, { Message: 'An error has occurred.' });
	}
}
