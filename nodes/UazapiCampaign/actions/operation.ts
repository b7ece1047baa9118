import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** One operation of the Campaign node: its editor fields and what it does for one input item. */
export interface Operation {
	/** Its entry in the Operation list; the value is what users' workflows have saved. */
	option: { name: string; value: string; action: string; description: string };
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

/**
 * A resource's Operation parameter, listing the operations it routes to, then their fields.
 * Sorted by name here because n8n's lint, which checks that order, cannot read a list built at
 * run time.
 */
export function resourceProperties(
	resource: string,
	operations: Record<string, Operation>,
	defaultOperation: string,
): INodeProperties[] {
	const all = Object.values(operations);
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: all
				.map((operation) => operation.option)
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		},
		...all.flatMap((operation) => operation.description),
	];
}
