/**
 * The few n8n editor interactions the browser suite needs, by the editor's own data-test-id
 * marks (as n8n's Playwright page objects use them: packages/testing/playwright/pages).
 */

export function editor(page, baseUrl) {
	/** The open dropdown's options, by the first line of each (options may carry a description). */
	async function openOptions() {
		const options = page.getByRole('option').locator('visible=true');
		await options.first().waitFor();
		const names = await options.evaluateAll((items) => items.map((item) => item.innerText.split('\n')[0].trim()));
		return { options, names };
	}
	async function chooseOption(name) {
		const { options, names } = await openOptions();
		const index = names.indexOf(name);
		if (index < 0) throw new Error(`no option "${name}" in the open dropdown; it offers ${JSON.stringify(names)}`);
		await options.nth(index).click();
	}

	const ndv = () => page.getByTestId('ndv');
	const parameters = () => page.getByTestId('node-parameters');
	// Items nest: the last one holding the label is the collection's own.
	const addButtonOf = (label) => parameters().locator('[data-test-id="parameter-item"]', { hasText: label }).last().getByTestId('collection-parameter-add');

	return {
		/** The first-run form: creates the owner account. */
		async setUpOwner(owner) {
			// n8n sends a fresh instance from / to its setup form.
			await page.goto(`${baseUrl}/`);
			await page.waitForURL((url) => url.pathname.startsWith('/setup'));
			await page.getByTestId('email').locator('input').fill(owner.email);
			await page.getByTestId('firstName').locator('input').fill(owner.firstName);
			await page.getByTestId('lastName').locator('input').fill(owner.lastName);
			await page.getByTestId('password').locator('input').fill(owner.password);
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
		},

		async signIn(owner) {
			await page.goto(`${baseUrl}/signin`);
			await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
			await page.getByTestId('password').locator('input').fill(owner.password);
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		},

		async newWorkflow() {
			await page.goto(`${baseUrl}/workflow/new`);
			await page.getByTestId('canvas-add-button').waitFor();
		},

		/** Node creator → search → node → action, as a user adds a node; the node panel opens. */
		async addNodeAction(nodeName, actionName) {
			await page.getByTestId('canvas-add-button').click();
			// The search box has the focus when the node creator opens.
			await page.getByTestId('node-creator-search-bar').waitFor();
			await page.keyboard.type(nodeName);
			await page.getByTestId('node-creator-item-name').getByText(nodeName, { exact: true }).click();
			// As the first step, an app with a trigger opens with its actions folded under "Actions (N)".
			const action = page.getByText(actionName, { exact: true });
			const folded = page.getByText(/^Actions \(\d+\)$/);
			await Promise.race([action.waitFor(), folded.waitFor()]);
			if (!(await action.isVisible())) await folded.click();
			await action.click();
			await parameters().waitFor();
		},

		/** Labels of the parameters the panel shows now, top to bottom (the Parameters tab only). */
		async visibleParameterLabels() {
			await page.waitForTimeout(300);
			return await parameters()
				.locator('[data-test-id="input-label"] .n8n-input-label .n8n-text, [data-test-id="input-label"] .n8n-input-label')
				.evaluateAll((labels) => {
					// One text per label element: prefer the inner text span over the label around it.
					const outer = labels.filter((label) => !labels.some((other) => other !== label && label.contains(other)));
					return outer.filter((label) => label.checkVisibility()).map((label) => label.textContent.trim()).filter(Boolean);
				});
		},

		/** Picks an option of an options parameter by its shown name. */
		async selectOption(parameterName, optionName) {
			await parameters().getByTestId(`parameter-input-${parameterName}`).click();
			await chooseOption(optionName);
			await page.waitForTimeout(300);
		},

		/** The names an options parameter offers. */
		async optionNames(parameterName) {
			await parameters().getByTestId(`parameter-input-${parameterName}`).click();
			const { names } = await openOptions();
			await page.keyboard.press('Escape');
			return names;
		},

		/** What "Add Field" of a collection parameter (by its label) offers. */
		async collectionOptions(label) {
			await addButtonOf(label).click();
			const { names } = await openOptions();
			await page.keyboard.press('Escape');
			return names;
		},

		/** Adds one option to a collection parameter (by its label) through its "Add option" button. */
		async addCollectionOption(label, optionName) {
			await addButtonOf(label).click();
			await chooseOption(optionName);
			await page.waitForTimeout(300);
		},

		/** Opens a resource locator's list and returns the entries it loaded. */
		async locatorEntries(parameterName) {
			await parameters().getByTestId(`resource-locator-${parameterName}`).getByTestId('rlc-input').click();
			const items = page.getByTestId('rlc-item').locator('visible=true');
			await items.first().waitFor();
			return (await items.allInnerTexts()).map((text) => text.trim());
		},

		async pickFirstLocatorEntry(parameterName) {
			await parameters().getByTestId(`resource-locator-${parameterName}`).getByTestId('rlc-input').click();
			await page.getByTestId('rlc-item').locator('visible=true').first().click();
			await page.waitForTimeout(300);
		},

		async pickLocatorEntry(parameterName, text) {
			await page.getByTestId('rlc-item').locator('visible=true').filter({ hasText: text }).first().click();
			await page.waitForTimeout(300);
		},

		/** Creates a credential from the node panel's credential select; leaves its dialog open. */
		async openNewCredential() {
			await page.getByTestId('node-credentials-select').click();
			await page.getByText('Create new credential').locator('visible=true').first().click();
			await page.getByTestId('editCredential-modal').waitFor();
		},

		/** Fills credential fields in the open dialog: options by shown name, text by value. */
		async fillCredential({ options = {}, text = {} }) {
			const dialog = page.getByTestId('editCredential-modal');
			for (const [name, optionName] of Object.entries(options)) {
				await dialog.getByTestId(`parameter-input-${name}`).click();
				await chooseOption(optionName);
			}
			for (const [name, value] of Object.entries(text)) {
				await dialog.getByTestId(`parameter-input-${name}`).locator('input').fill(value);
			}
		},

		/**
		 * Saves the open credential; n8n then runs its test and shows a banner: "Connection tested
		 * successfully", or "Couldn't connect with these settings" with the reason behind "More details".
		 */
		async saveCredential() {
			const dialog = page.getByTestId('editCredential-modal');
			const success = dialog.getByText('Connection tested successfully');
			const failure = dialog.getByText(/Couldn.t connect with these settings/);
			// A banner from an earlier save stays up until the new test answers: wait for a change.
			const before = (await success.isVisible()) ? 'success' : (await failure.isVisible()) ? 'error' : 'none';
			await dialog.getByTestId('credential-save-button').click();
			let kind = 'none';
			for (let waited = 0; waited < 30_000; waited += 250) {
				await page.waitForTimeout(250);
				kind = (await success.isVisible()) ? 'success' : (await failure.isVisible()) ? 'error' : 'none';
				if (kind !== 'none' && (kind !== before || waited >= 10_000)) break;
			}
			if (kind === 'error') {
				const details = dialog.getByText('More details');
				if (await details.isVisible()) await details.click();
				await page.waitForTimeout(300);
			}
			return { kind, text: (await dialog.innerText()).replace(/\s+/g, ' ').trim() };
		},

		async closeCredential() {
			await page.getByTestId('editCredential-modal').locator('.el-dialog__headerbtn, [aria-label="Close"]').first().click();
			await page.getByTestId('editCredential-modal').waitFor({ state: 'hidden' });
		},

		/** The node icon in the panel's header: its address and whether it rendered. */
		async panelIcon() {
			const icon = ndv().locator('img[src*="icons"]').first();
			await icon.waitFor();
			await page.waitForFunction((img) => img.complete, await icon.elementHandle());
			return await icon.evaluate((img) => ({ src: img.getAttribute('src'), rendered: img.complete && img.naturalWidth > 0 }));
		},

		async saveWorkflow() {
			await page.getByTestId('ndv-close-button').click();
			await page.getByTestId('ndv').waitFor({ state: 'hidden' });
			// n8n also saves on its own a moment after a change: wait for this save's answer.
			const saved = page.waitForResponse((r) => /\/rest\/workflows/.test(r.url()) && ['POST', 'PATCH'].includes(r.request().method()), { timeout: 10_000 }).catch(() => undefined);
			await page.keyboard.press('Control+s');
			await saved;
			await page.waitForURL((url) => !url.pathname.endsWith('/new'));
		},

		/** n8n keeps the theme in localStorage (Settings → Personal → Theme); reload to apply it. */
		async setTheme(theme) {
			await page.evaluate((value) => localStorage.setItem('N8N_THEME', value), theme);
			await page.reload();
			await page.getByTestId('canvas').waitFor();
		},

		/** Opens a node on the canvas by its icon's package (n8n renames nodes after their action). */
		async openNodeWithIcon(iconName) {
			await page.getByTestId('canvas-node').filter({ has: page.locator(`img[src*="${iconName}"]`) }).first().dblclick();
			await parameters().waitFor();
		},

		/**
		 * n8n's REST API as the editor calls it: the owner's session cookie, and the browser-id
		 * header n8n binds that session to. Answers the `data` of n8n's JSON.
		 */
		async rest(path, { method = 'GET', body } = {}) {
			return await page.evaluate(
				async ({ path, method, body }) => {
					const headers = { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' };
					if (body !== undefined) headers['content-type'] = 'application/json';
					const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
					const text = await response.text();
					if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
					return JSON.parse(text).data;
				},
				{ path, method, body },
			);
		},

		/**
		 * "Execute workflow" on the canvas, as a user runs a manual workflow; resolves once n8n has
		 * finished the execution (read back through the REST API) and the canvas shows no run in progress.
		 */
		async executeWorkflow() {
			const started = page.waitForResponse((r) => /\/rest\/workflows\/[^/]+\/run/.test(r.url()) && r.request().method() === 'POST');
			await page.getByTestId('execute-workflow-button').click();
			const { data } = await (await started).json();
			const executionId = data.executionId;
			for (;;) {
				const execution = await this.rest(`/rest/executions/${executionId}`);
				if (execution && !['new', 'running', 'waiting'].includes(execution.status)) break;
				await page.waitForTimeout(250);
			}
			// The push message that ends the run in the editor comes on its own: wait for the button to come back.
			await page.getByTestId('execute-workflow-button').locator('visible=true').waitFor();
			await page.waitForFunction(() => !document.querySelector('[data-test-id="execute-workflow-button"] .n8n-spinner, [data-test-id="stop-execution-button"]'));
			return executionId;
		},

		/** Opens a node on the canvas by (part of) its name. */
		async openNodeNamed(name) {
			await page.getByTestId('canvas-node').filter({ hasText: name }).first().dblclick();
			await ndv().waitFor();
		},

		async closeNode() {
			await page.getByTestId('ndv-close-button').click();
			await ndv().waitFor({ state: 'hidden' });
		},

		/** Closes n8n's toasts ("Problem in node …", "Workflow executed successfully"), which cover the panel's corner. */
		async dismissToasts() {
			for (const button of await page.locator('.el-notification .el-notification__closeBtn').locator('visible=true').all()) await button.click({ timeout: 2_000 }).catch(() => undefined);
			await page.waitForFunction(() => ![...document.querySelectorAll('.el-notification')].some((toast) => toast.checkVisibility()));
		},

		/** The open panel's output pane. */
		outputPane: () => ndv().getByTestId('output-panel'),

		ndv,
		parameters,
	};
}
