export interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, string | undefined>;
	body: unknown;
	sequence: number;
	/** When it arrived, in milliseconds (performance.now()). */
	at: number;
}

export interface Reply {
	/** Without a status, the imitation answers as usual (e.g. only later, with delayMs). */
	status?: number;
	body?: unknown;
	raw?: string;
	contentType?: string;
	/** Extra response headers, e.g. {'retry-after': '30'}. */
	headers?: Record<string, string>;
	delayMs?: number;
}

export interface ImitatedMessage {
	id: string;
	messageid: string;
	chatid: string;
	status: string;
	messageType: string;
	text: string;
	send_folder_id: string;
	/** Set by a test, as uazapi reports them once a message was tried. */
	error?: string;
	messageTimestamp?: number;
}

export interface ImitatedFolder {
	id: string;
	info: string;
	status: string;
	scheduled_for: number;
	delayMin: number;
	delayMax: number;
	log_total: number;
	log_sucess: number;
	log_failed: number;
	log_delivered: number;
	log_read: number;
	log_played: number;
	owner: string;
	created: string;
	updated: string;
	messages: ImitatedMessage[];
}

export interface ImitatedWebhook {
	id: string;
	enabled: boolean;
	url: string;
	events: string[];
	excludeMessages: string[];
	addUrlEvents: boolean;
	addUrlTypesMessages: boolean;
}

export interface UazapiServer {
	url: string;
	token: string;
	requests: RecordedRequest[];
	state: {
		folders: ImitatedFolder[];
		instanceStatus: string;
		/** Numbers /chat/check says are not on WhatsApp. */
		notOnWhatsApp: Set<string>;
		/** Numbers /chat/check answers with another JID, e.g. without the 9th digit. */
		knownAs: Map<string, string>;
		/** The instance's webhooks (GET/POST /webhook). */
		webhooks: ImitatedWebhook[];
	};
	progress(folder: ImitatedFolder, count: number, outcome?: 'Sent' | 'Failed'): void;
	setResponder(respond: ((request: RecordedRequest) => Reply | undefined) | undefined): void;
	setInstanceStatus(status: 'connected' | 'connecting' | 'disconnected'): void;
	setBeforeListFolders(hook: ((state: { folders: ImitatedFolder[] }) => void) | undefined): void;
	reset(): void;
	close(): Promise<void>;
}

export function startUazapiServer(options?: {
	token?: string;
	port?: number;
	respond?: (request: RecordedRequest) => Reply | undefined;
}): Promise<UazapiServer>;
