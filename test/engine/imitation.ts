import { startUazapiServer, type UazapiServer } from '../helpers/uazapiServer.cjs';
import { CREDENTIAL_ID } from './workflows';

/**
 * The uazapi imitation for one test file: started before its tests, reset before each, closed
 * after. `server` is the running imitation, `credentials()` the store that points the nodes at it.
 */
export function useImitation(token: string) {
	const imitation = { server: undefined as unknown as UazapiServer };
	beforeAll(async () => {
		imitation.server = await startUazapiServer({ token });
	});
	beforeEach(() => imitation.server.reset());
	afterAll(async () => imitation.server.close());
	return {
		get server() {
			return imitation.server;
		},
		credentials: () => ({
			[CREDENTIAL_ID]: { serverUrl: imitation.server.url, token },
		}),
	};
}
