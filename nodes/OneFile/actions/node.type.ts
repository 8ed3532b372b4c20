import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	user:
		| 'archive'
		| 'assign'
		| 'assignPlacement'
		| 'create'
		| 'get'
		| 'getAll'
		| 'unarchive'
		| 'update'
		| 'upsert';
	learningAim: 'get' | 'getAll';
	review: 'get' | 'getAll';
	offTheJob: 'getSummary';
	timesheet: 'getAll';
	plan: 'get' | 'getAll';
	organisation: 'checkCompatibility' | 'getAll';
	learning: 'assignFrameworkTemplate' | 'assignStandard' | 'assignUnit';
	classroom: 'create' | 'get' | 'getAll' | 'update' | 'upsert';
	placement: 'create' | 'get' | 'getAll' | 'update' | 'upsert';
	standard: 'getAll';
	unit: 'getAll';
	frameworkTemplate: 'getAll';
};

export type OneFileType = AllEntities<NodeMap>;
