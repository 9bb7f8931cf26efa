import { chromiumPath } from './harness';

// Fails the whole run, with install instructions, when there is no browser.
export default function setup(): void {
  chromiumPath();
}
