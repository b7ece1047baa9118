export interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, string | undefined>;
	body: unknown;
	sequence: number;
}

export interface Reply {
	status: number;
	body?: unknown;
	raw?: string;
	contentType?: string;
	delayMs?: number;
}

export interface UazapiServer {
	url: string;
	token: string;
	requests: RecordedRequest[];
	setResponder(respond: ((request: RecordedRequest) => Reply | undefined) | undefined): void;
	close(): Promise<void>;
}

export function startUazapiServer(options?: {
	token?: string;
	respond?: (request: RecordedRequest) => Reply | undefined;
}): Promise<UazapiServer>;
