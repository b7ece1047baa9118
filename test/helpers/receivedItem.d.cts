import type { IDataObject } from 'n8n-workflow';

export function receivedItem(normalised: IDataObject): IDataObject;
