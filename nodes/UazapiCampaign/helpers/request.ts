import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_SECONDS } from '../../shared/contract';
import { uazapiRequest } from '../../shared/transport';

export async function request<T = unknown>(
	context: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	endpoint: string,
	options: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<T> {
	return (await uazapiRequest.call(context, {
		method,
		endpoint,
		itemIndex,
		timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
		...options,
	})) as T;
}
