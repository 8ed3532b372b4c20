// Runs in every worker before any test module loads.
if (!process.env.N8N_USER_FOLDER) throw new Error('N8N_USER_FOLDER is not set: jest globalSetup did not run');
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'jest-only-not-a-secret';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED = 'false';
