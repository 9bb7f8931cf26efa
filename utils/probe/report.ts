import type { ProbeFinding } from '../probe-schema';
import { emit } from './emit';

export type Technique = Extract<ProbeFinding, { kind: 'fingerprint' }>['technique'];

const reported = new Set<string>();

/** Reports a fingerprinting technique used by `script`, once per technique and script. */
export function reportFingerprint(technique: Technique, script: string | undefined): void {
  if (!script) return;
  const key = `${technique} ${script}`;
  if (reported.has(key)) return;
  reported.add(key);
  emit({ kind: 'fingerprint', technique, script });
}
