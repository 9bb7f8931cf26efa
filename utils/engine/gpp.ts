/**
 * IAB GPP section ids and the API prefixes they stand for
 * (InteractiveAdvertisingBureau/Global-Privacy-Platform: Sections/Section Information.md;
 * shared/research/signals.md §3.2). Ids 3 and 4 are the header and signal integrity, not
 * privacy signals.
 */
const SECTIONS: Record<number, { name: string; us: boolean }> = {
  1: { name: 'tcfeuv1', us: false },
  2: { name: 'tcfeuv2', us: false },
  5: { name: 'tcfcav1', us: false },
  6: { name: 'uspv1', us: true },
  7: { name: 'usnat', us: true },
  8: { name: 'usca', us: true },
  9: { name: 'usva', us: true },
  10: { name: 'usco', us: true },
  11: { name: 'usut', us: true },
  12: { name: 'usct', us: true },
  13: { name: 'usfl', us: true },
  14: { name: 'usmt', us: true },
  15: { name: 'usor', us: true },
  16: { name: 'ustx', us: true },
  17: { name: 'usde', us: true },
  18: { name: 'usia', us: true },
  19: { name: 'usne', us: true },
  20: { name: 'usnh', us: true },
  21: { name: 'usnj', us: true },
  22: { name: 'ustn', us: true },
};
const BY_NAME = new Map(Object.values(SECTIONS).map((s) => [s.name, s]));
// Names CMPs use in parsedSections with a version suffix (usnatv1, uscav1 …).
const VERSIONED = /^(us[a-z]{2,3})v\d+$/;

/**
 * A section as the popup names it, from an id ("7") or a name ("usnat", "uscav1"). Unknown
 * ones keep what the page said, counted as neither US nor not; the header (3) and signal
 * integrity (4) are no privacy signal at all.
 */
export function gppSection(section: string): { name: string; us?: boolean } | undefined {
  if (/^\d+$/.test(section)) {
    const id = Number(section);
    if (id === 3 || id === 4) return undefined;
    return SECTIONS[id] ?? { name: section };
  }
  const name = section.toLowerCase();
  return BY_NAME.get(name) ?? BY_NAME.get(name.replace(VERSIONED, '$1')) ?? { name: section };
}
