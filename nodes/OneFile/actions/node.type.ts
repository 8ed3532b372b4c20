import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	user: 'assign' | 'create' | 'get' | 'getAll' | 'update' | 'upsert';
	organisation: 'getAll';
	learning: 'assignFrameworkTemplate' | 'assignStandard' | 'assignUnit';
	classroom: 'getAll';
	placement: 'getAll';
	standard: 'getAll';
	unit: 'getAll';
	frameworkTemplate: 'getAll';
};

export type OneFileType = AllEntities<NodeMap>;
