import { searchLearningAimStatuses, searchVisitTypes } from './fixedLists';
import { listSearch as searches } from './listSearch';

export const listSearch = { ...searches, searchLearningAimStatuses, searchVisitTypes };
export { loadOptions } from './loadOptions';
