export { classifyRequest, attribute, defaultIndex } from './classify';
export { cookieSignal } from './cookies';
export { learn, isLearnedTracker, LEARNING_THRESHOLD, type LearningState, type LearnedTracker } from './learning';
export { TrackerIndex, type CompiledIndex } from './tracker-index';
export { parseUrl, siteOf } from './url';
export * from './types';
