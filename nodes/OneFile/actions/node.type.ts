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
	learningAim: 'get' | 'getAll' | 'update';
	review: 'get' | 'getAll' | 'schedule';
	offTheJob: 'getSummary';
	timesheet: 'getAll';
	plan: 'get' | 'getAll';
	organisation: 'checkCompatibility' | 'getAll' | 'getLearnerStatuses' | 'getLearningAimStatuses';
	learning: 'assignFrameworkTemplate' | 'assignStandard' | 'assignUnit';
	classroom: 'create' | 'get' | 'getAll' | 'update' | 'upsert';
	placement: 'create' | 'get' | 'getAll' | 'update' | 'upsert';
	standard: 'getAll';
	unit: 'getAll';
	frameworkTemplate: 'getAll';
};

export type OneFileType = AllEntities<NodeMap>;
