export { decide, DEFAULT_THRESHOLDS, type Decision, type Thresholds } from './decide';
export { KnowledgeIndex, type IndexableEntry, type MatchCandidate } from './knowledge-index';
export { normaliseQuestion } from './normalise';
export { extractNumbers, parseChineseNumeral } from './numbers';
