// One throwaway N8N_USER_FOLDER per jest run: n8n-core's InstanceSettings writes <folder>/.n8n/config
// and must never touch the developer's own ~/.n8n. Workers inherit process.env.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'onefile-jest-'));
};
