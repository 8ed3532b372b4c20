import {
	checkServiceUrl,
	CredentialSettingError,
	testUrlGuard,
} from '../../shared/http/serviceUrl';

/**
 * bksb's API hosts (docs/bksb-api.md): one per region, shared by every customer. The path below the
 * host is an open question: the help pages imply `/live2api/api`, one public client calls `/api`.
 */
export const BKSB_REGIONS = {
	uk: { name: 'UK', url: 'https://live2api.bksblive2.co.uk' },
	au: { name: 'Australia', url: 'https://live2api.bksblive2.com.au' },
} as const;

export const BKSB_BASE_PATHS = ['/live2api/api', '/api'] as const;

export interface BksbConnection {
	region?: unknown;
	url?: unknown;
	basePath?: unknown;
	allowInsecureHttp?: unknown;
	accessKeyId?: unknown;
	secretKey?: unknown;
}

/** Host plus API base path, without a trailing slash; a CredentialSettingError with the fix otherwise. */
export function bksbBaseUrl(connection: BksbConnection): string {
	const region = String(connection.region ?? 'uk');
	const host =
		region in BKSB_REGIONS
			? BKSB_REGIONS[region as keyof typeof BKSB_REGIONS].url
			: checkServiceUrl(String(connection.url ?? ''), {
					field: "The bksb credential's URL",
					example: 'https://live2api.bksblive2.co.uk',
					secret: 'the access keys',
					allowInsecureHttp: connection.allowInsecureHttp,
				});
	const basePath = (BKSB_BASE_PATHS as readonly string[]).includes(String(connection.basePath))
		? String(connection.basePath)
		: BKSB_BASE_PATHS[0];
	return `${host}${basePath}`;
}

/**
 * The key pair, trimmed (a pasted key often brings a space or a line break). A colon in the access
 * key ID cannot work: Basic authentication splits "id:secret" at the first colon.
 */
export function bksbKeys(connection: BksbConnection): { accessKeyId: string; secretKey: string } {
	const accessKeyId = String(connection.accessKeyId ?? '').trim();
	const secretKey = String(connection.secretKey ?? '').trim();
	if (accessKeyId.includes(':')) {
		throw new CredentialSettingError(
			'The bksb credential\'s Access Key ID holds a colon (":"), which cannot be sent with Basic authentication. Copy the key ID again from bksb (Admin Options › API Access Keys): key IDs have no colon',
		);
	}
	return { accessKeyId, secretKey };
}

/** The same, as an n8n expression for the credential's Test request (a key ID with a colon gets an address that says so). */
export function bksbBaseUrlExpression(): string {
	const known = Object.entries(BKSB_REGIONS)
		.map(([key, { url }]) => `${key}: '${url}'`)
		.join(', ');
	const custom = testUrlGuard("String($credentials.url).trim().replace(/\\/+$/, '')");
	const colon =
		"String($credentials.accessKeyId).includes(':') ? 'https://the-access-key-id-must-not-hold-a-colon.invalid' : ";
	return `={{ ${colon}((({ ${known} })[$credentials.region] ?? ${custom}) + ($credentials.basePath || '${BKSB_BASE_PATHS[0]}')) }}`;
}
