const fs = require('node:fs');

module.exports = async () => {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder && folder.includes('onefile-jest-')) fs.rmSync(folder, { recursive: true, force: true });
};
