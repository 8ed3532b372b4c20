import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	user: 'assign' | 'create' | 'get' | 'update';
	organisation: 'getAll';
};

export type OneFileType = AllEntities<NodeMap>;
