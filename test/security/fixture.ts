/**
 * One hostile "API" host on 127.0.0.1 and a second host on 127.0.0.2 per test file, with engines
 * whose OneFile or bksb credential points at the first.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { BksbApi } from '../../credentials/BksbApi.credentials';
import { Bksb } from '../../nodes/Bksb/Bksb.node';
import { Engine, type RunResult } from '../harness/engine';
import { CUSTOMER_TOKEN, startHost, type Host } from './hosts';

export const BKSB_TYPE = 'n8n-nodes-onefile.bksb';
export const BKSB_KEY_ID = 'bksb-access-key-SECRET-1111';
export const BKSB_SECRET = 'bksb-secret-key-SECRET-2222';

export interface Hosts {
	api: Host;
	other: Host;
	/** The OneFile base URL on the API host. */
	base: string;
	oneFile(credential?: IDataObject): Engine;
	bksb(credential?: IDataObject): Engine;
	runOneFile(parameters: INodeParameters, items?: IDataObject[], options?: { continueOnFail?: boolean; credential?: IDataObject }): Promise<RunResult>;
	runBksb(parameters: INodeParameters, items?: IDataObject[], options?: { continueOnFail?: boolean; credential?: IDataObject }): Promise<RunResult>;
}

export function useHosts(): Hosts {
	const hosts = {} as Hosts;
	beforeAll(async () => {
		hosts.api = await startHost('127.0.0.1');
		hosts.other = await startHost('127.0.0.2');
		hosts.base = hosts.api.url('/api');
	});
	beforeEach(() => {
		hosts.api.seen.length = 0;
		hosts.api.abandoned.length = 0;
		hosts.other.seen.length = 0;
		hosts.api.routes = {};
		hosts.other.routes = {};
	});
	afterAll(async () => {
		await hosts.api?.close();
		await hosts.other?.close();
	});
	hosts.oneFile = (credential = {}) => new Engine({ oneFileApi: { environment: 'custom', baseUrl: hosts.base, customerToken: CUSTOMER_TOKEN, ...credential } });
	hosts.bksb = (credential = {}) =>
		new Engine(
			{ bksbApi: { region: 'custom', url: hosts.api.origin, basePath: '/api', accessKeyId: BKSB_KEY_ID, secretKey: BKSB_SECRET, ...credential } },
			{ nodeTypes: { [BKSB_TYPE]: new Bksb() }, credentialTypes: { bksbApi: new BksbApi() } },
		);
	hosts.runOneFile = async (parameters, items = [{}], options = {}) => await hosts.oneFile(options.credential).run({ parameters, items, continueOnFail: options.continueOnFail });
	hosts.runBksb = async (parameters, items = [{}], options = {}) => await hosts.bksb(options.credential).run({ parameters, items, continueOnFail: options.continueOnFail }, BKSB_TYPE);
	return hosts;
}

/** The message and description of a run's error, or of its first error item under Continue On Fail. */
export function errorText(result: RunResult): string {
	if (result.error) return `${result.error.message}\n${(result.error as { description?: string }).description ?? ''}`;
	const item = result.json[0] ?? {};
	return `${String(item.error ?? '')}\n${String(item.description ?? '')}`;
}

/** A resource locator value given "By ID". */
export function byId(value: string | number): INodeParameters[string] {
	return { __rl: true, mode: 'id', value: String(value) };
}
