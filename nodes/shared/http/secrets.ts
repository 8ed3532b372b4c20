/** Shorter values are not masked: they would mask ordinary words, and are not secrets worth the name. */
const MIN_SECRET_LENGTH = 6;

/**
 * `text` with every occurrence of each secret replaced by `<masked>`. A service's error text is
 * untrusted: a server that echoes the request's headers would otherwise put the session token,
 * the customer token or a key into an error that n8n shows, logs and stores with the execution.
 */
export function maskSecrets(text: string, secrets: readonly unknown[]): string {
	let masked = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string') continue;
		const value = secret.trim();
		if (value.length < MIN_SECRET_LENGTH) continue;
		masked = masked.split(value).join('<masked>');
	}
	return masked;
}
