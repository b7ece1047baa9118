import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

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
		...options,
	})) as T;
}
