import { checkServiceUrl } from '../../shared/serviceUrl';

/**
 * bksb's API hosts (bksb-api.md): one per region, shared by every customer. The path below the
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
}

/** Host plus API base path, without a trailing slash; a CredentialSettingError with the fix otherwise. */
export function bksbBaseUrl(connection: BksbConnection): string {
	const region = String(connection.region ?? 'uk');
	const host =
		region in BKSB_REGIONS
			? BKSB_REGIONS[region as keyof typeof BKSB_REGIONS].url
			: checkServiceUrl(String(connection.url ?? ''), { field: "The bksb credential's URL", example: 'https://live2api.bksblive2.co.uk', secret: 'the access keys', allowInsecureHttp: connection.allowInsecureHttp });
	const basePath = (BKSB_BASE_PATHS as readonly string[]).includes(String(connection.basePath)) ? String(connection.basePath) : BKSB_BASE_PATHS[0];
	return `${host}${basePath}`;
}

/** The same, as an n8n expression for the credential's Test request. */
export function bksbBaseUrlExpression(): string {
	const known = Object.entries(BKSB_REGIONS).map(([key, { url }]) => `${key}: '${url}'`).join(', ');
	return `={{ (({ ${known} })[$credentials.region] ?? String($credentials.url).trim().replace(/\\/+$/, '')) + ($credentials.basePath || '${BKSB_BASE_PATHS[0]}') }}`;
}
