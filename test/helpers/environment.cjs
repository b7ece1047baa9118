// Engine tests start n8n-core, which keeps its settings in N8N_USER_FOLDER: point it at a
// throw-away folder so a test run never touches the developer's own ~/.n8n.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

if (!process.env.UAZAPI_TEST_USER_FOLDER) {
	process.env.UAZAPI_TEST_USER_FOLDER = mkdtempSync(join(tmpdir(), 'uazapi-sender-n8n-'));
}
process.env.N8N_USER_FOLDER = process.env.UAZAPI_TEST_USER_FOLDER;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
