/**
 * An in-memory stand-in for n8n's database-backed CredentialsHelper (packages/cli
 * credentials-helper.ts), following its logic for what matters here: defaults applied on read
 * (the hidden session token starts as ''), generic `authenticate` resolved with n8n's real
 * expression engine, and `preAuthentication` run when the expirable field is empty or expired,
 * with the result persisted so later items and later runs reuse it.
 */
import {
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
} from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export class InMemoryCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();

	/** Every write-back of a credential, as n8n would write it to its database. */
	readonly updates: Array<{ id: string; data: ICredentialDataDecryptedObject }> = [];

	/** How often a credential was read and decrypted (a database query and a decryption in n8n). */
	reads = 0;

	/** How often preAuthentication ran, and why. */
	readonly preAuthentications: Array<{ type: string; expired: boolean }> = [];

	constructor(private readonly credentialTypes: Record<string, ICredentialType>) {
		super();
	}

	add(credential: StoredCredential): void {
		this.store.set(credential.id, { ...credential, data: { ...credential.data } });
	}

	private type(name: string): ICredentialType {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.type(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	getCredentialsProperties(type: string) {
		return this.type(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.type(typeName).authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown): unknown => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials } as never,
				undefined,
				'',
			);
			return resolved === undefined || resolved === null ? '' : String(resolved);
		};
		const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [outerKey, inner] of Object.entries(authenticate.properties)) {
			const bucket = (target[outerKey] ??= {});
			for (const [key, value] of Object.entries(inner as Record<string, unknown>)) {
				bucket[String(resolve(key))] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.type(typeName);
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthentications.push({ type: typeName, expired: credentialsExpired });
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const reference = node.credentials?.[typeName];
		if (!reference) return undefined;
		const merged = Object.assign(credentials, output);
		await this.updateCredentials(reference, typeName, merged);
		return merged;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		reference: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.reads++;
		const stored = reference.id ? this.store.get(reference.id) : undefined;
		if (!stored || stored.type !== type) throw new Error(`Credential ${String(reference.id)} of type ${type} not found`);
		// n8n applies the credential's defaults on every read; this is what gives sessionToken ''.
		const withDefaults = NodeHelpers.getNodeParameters(this.type(type).properties, stored.data as INodeParameters, true, false, null, null);
		return { ...(withDefaults as ICredentialDataDecryptedObject) };
	}

	async getCredentials(): Promise<never> {
		throw new Error('getCredentials is not used by the engine paths these tests run');
	}

	async updateCredentials(reference: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const stored = reference.id ? this.store.get(reference.id) : undefined;
		if (!stored) throw new Error(`Credential ${String(reference.id)} not found`);
		stored.data = { ...data };
		this.updates.push({ id: stored.id, data: { ...data } });
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	getOAuth2Options(): undefined {
		return undefined;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}
}
