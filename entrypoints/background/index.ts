import { defineBackground } from 'wxt/utils/define-background';
import { registerBadge } from './badge';
import { registerHistory } from './history';
import { LearningStore } from './learning-store';
import { registerMessages } from './messages';
import { registerRequests } from './requests';
import { TabStore } from './tab-store';
import { registerTabs } from './tabs';
import { SightingsStore } from './sightings';

// Every listener is registered synchronously on the first tick: an event that wakes
// the worker is delivered only to listeners that exist by then.
export default defineBackground(() => {
  const tabs = new TabStore();
  const learning = new LearningStore();
  registerRequests(tabs, learning);
  const sightings = new SightingsStore(tabs);
  const history = registerHistory(tabs, learning, sightings);
  registerMessages(tabs, learning, sightings, history);
  registerBadge(tabs, learning);
  registerTabs(tabs);
});
