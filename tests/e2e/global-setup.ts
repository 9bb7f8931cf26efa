import { buildFixtures } from './build-fixtures';
import { chromiumPath } from './harness';

// Fails the whole run, with install instructions, when there is no browser; then builds
// the fixture scripts that come from real libraries.
export default async function setup(): Promise<void> {
  chromiumPath();
  await buildFixtures();
}
