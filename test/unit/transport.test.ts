import { ONEFILE_ENVIRONMENTS, resolveBaseUrl } from '../../nodes/OneFile/transport/environments';
import { readOneFileError, translateFailure } from '../../nodes/OneFile/transport/errors';
import { parseSessionToken, signInFailureMessage } from '../../nodes/OneFile/transport/signIn';
import { readThrownFailure } from '../../nodes/shared/http/failure';
import { retryAfterSeconds, retryDelayMs } from '../../nodes/shared/http/retry';

describe('session token from POST /Authentication', () => {
	const token = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLz0=';
	test.each([
		[token, token],
		[`  ${token}\n`, token],
		[`"${token}"`, token],
		[JSON.stringify({ Session: token }), token],
		[{ TokenID: token }, token],
	])('%p', (body, expected) => expect(parseSessionToken(body)).toBe(expected));

	test('an empty answer is a clear error', () => {
		expect(() => parseSessionToken('')).toThrow(/sent no session token back/);
		expect(() => parseSessionToken({ Foo: 'x' })).toThrow(/sent no session token back/);
	});

	test('a refused customer token is explained per environment, never echoing it', () => {
		const message = signInFailureMessage({ httpCode: 401 }, 'Practice', 'https://wsapi2.onefile.co.uk/api/v2.1');
		expect(message).toMatch(/^OneFile rejected the customer token for Practice \(HTTP 401\)\. Tokens are issued per server by OneFile Support/);
		expect(message).not.toContain('SECRET');
		expect(signInFailureMessage({ networkCode: 'ECONNREFUSED' }, 'Live', 'https://x')).toMatch(/^Could not reach OneFile at https:\/\/x \(connection refused\)/);
	});
});

describe('base URL', () => {
	test('documented environments', () => {
		expect(resolveBaseUrl({ environment: 'practice' })).toBe(ONEFILE_ENVIRONMENTS.practice.baseUrl);
		expect(resolveBaseUrl({})).toBe('https://wsapi.onefile.co.uk/api/v2.1');
	});
	test('custom URLs: trailing slash trimmed, malformed refused, plain http only on this machine unless allowed', () => {
		expect(resolveBaseUrl({ environment: 'custom', baseUrl: 'https://x.example/api/v2.1/' })).toBe('https://x.example/api/v2.1');
		expect(resolveBaseUrl({ environment: 'custom', baseUrl: 'http://127.0.0.1:8787/api/v2.1' })).toBe('http://127.0.0.1:8787/api/v2.1');
		expect(resolveBaseUrl({ environment: 'custom', baseUrl: 'http://localhost:1/api' })).toBe('http://localhost:1/api');
		expect(() => resolveBaseUrl({ environment: 'custom', baseUrl: 'wsapi2.onefile' })).toThrow(/is not a valid URL/);
		expect(() => resolveBaseUrl({ environment: 'custom', baseUrl: 'ftp://x/api' })).toThrow(/must start with https/);
		expect(() => resolveBaseUrl({ environment: 'custom', baseUrl: 'http://10.0.0.5/api' })).toThrow(/unencrypted/);
		expect(() => resolveBaseUrl({ environment: 'custom', baseUrl: 'https://x.example/api?v=1' })).toThrow(/query string/);
		expect(() => resolveBaseUrl({ environment: 'custom', baseUrl: 'https://x.example/api#v' })).toThrow(/fragment/);
		expect(() => resolveBaseUrl({ environment: 'custom', baseUrl: 'https://me:pw@x.example/api' })).toThrow(/user name or password/);
		expect(resolveBaseUrl({ environment: 'custom', baseUrl: 'http://10.0.0.5/api', allowInsecureHttp: true })).toBe('http://10.0.0.5/api');
	});
});

describe('OneFile errors in plain words', () => {
	test('codes -11, -57, -58 are translated by code, with OneFile’s own text kept', () => {
		const failure = { httpCode: 400, ...readOneFileError({ code: -58, message: 'Classroom not found' }) };
		const translated = translateFailure(failure, 'create the Learner');
		expect(translated.message).toBe('OneFile could not find that classroom (code -58) while trying to create the Learner');
		expect(translated.description).toMatch(/^OneFile said: "Classroom not found"\. Check the Classroom/);
		expect(translateFailure({ httpCode: 400, serviceCode: -11 }, 'x').message).toMatch(/organisation \(code -11\)/);
		expect(translateFailure({ httpCode: 400, serviceCode: -57 }, 'x').message).toMatch(/placement \(code -57\)/);
	});
	test('upper-case keys, text bodies and HTML pages', () => {
		expect(readOneFileError({ Code: '-11', Message: 'x' })).toEqual({ serviceCode: -11, serviceMessage: 'x' });
		expect(readOneFileError('<!DOCTYPE html><html>Bad gateway</html>')).toEqual({ notData: true });
		expect(translateFailure({ httpCode: 502, notData: true }, 'x').message).toMatch(/web page instead of data/);
		expect(translateFailure({ networkCode: 'ECONNRESET' }, 'x').message).toBe('OneFile did not answer while trying to x (connection dropped)');
		expect(translateFailure({ networkCode: 'ECONNRESET' }, 'x').description).toMatch(/network error ECONNRESET/);
	});
	test('only the network code is read from a failed connection, never its request headers', () => {
		const thrown = { httpCode: null, message: 'read ECONNRESET', cause: { code: 'ECONNRESET', config: { headers: { 'X-TokenID': 'SECRET' } } } };
		expect(readThrownFailure(thrown)).toEqual({ networkCode: 'ECONNRESET' });
		expect(readThrownFailure({ message: 'timeout of 100ms exceeded', code: 'ECONNABORTED' })).toEqual({ networkCode: 'ECONNABORTED' });
		expect(JSON.stringify(readThrownFailure(thrown))).not.toContain('SECRET');
	});

	test('Retry-After in seconds or as a date', () => {
		expect(retryAfterSeconds({ 'retry-after': '3' })).toBe(3);
		expect(retryAfterSeconds({ 'retry-after': new Date(Date.now() + 5000).toUTCString() })).toBeGreaterThanOrEqual(4);
		expect(retryAfterSeconds({})).toBeUndefined();
	});
});

describe('retry policy', () => {
	test('429 is retried for any request, honouring Retry-After', () => {
		expect(retryDelayMs({ httpCode: 429 }, false, 1, 2)).toBe(2000);
		expect(retryDelayMs({ httpCode: 429 }, false, 1, 600)).toBeUndefined();
		expect(retryDelayMs({ httpCode: 429 }, false, 8, 1)).toBe(1000);
		expect(retryDelayMs({ httpCode: 429 }, false, 13, 1)).toBeUndefined();
	});
	test('5xx and lost connections are retried only when the request is idempotent', () => {
		expect(retryDelayMs({ httpCode: 503 }, true, 1)).toBeGreaterThan(0);
		expect(retryDelayMs({ networkCode: 'ECONNRESET' }, true, 2)).toBeGreaterThan(retryDelayMs({ networkCode: 'ECONNRESET' }, true, 1) as number);
		expect(retryDelayMs({ httpCode: 500 }, false, 1)).toBeUndefined();
		expect(retryDelayMs({ networkCode: 'ECONNRESET' }, false, 1)).toBeUndefined();
	});
	test('client errors are never retried and attempts are bounded', () => {
		expect(retryDelayMs({ httpCode: 400 }, true, 1)).toBeUndefined();
		expect(retryDelayMs({ httpCode: 503 }, true, 4)).toBeUndefined();
	});
	test('a passed deadline is retried like a lost answer; a refused redirect, an answer over the cap and a cancelled run never', () => {
		expect(retryDelayMs({ timedOutAfterS: 60 }, true, 1)).toBeGreaterThan(0);
		expect(retryDelayMs({ timedOutAfterS: 60 }, false, 1)).toBeUndefined();
		expect(retryDelayMs({ httpCode: 302, redirectHost: 'x.example' }, true, 1)).toBeUndefined();
		expect(retryDelayMs({ httpCode: 200, tooLargeBytes: 1 }, true, 1)).toBeUndefined();
		expect(retryDelayMs({ cancelled: true }, true, 1)).toBeUndefined();
	});
});
