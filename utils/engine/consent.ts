import { TCString } from '@iabtechlabtcf/core';

/** What a TCF consent string grants, decoded by us rather than taken from the page. */
export interface TcfConsent {
  cmpId: number;
  tcfPolicyVersion: number;
  /** Purpose 1: store or access information on a device. */
  storage: boolean;
  /** Purpose 3: create profiles for personalised advertising. */
  createAdProfile: boolean;
  /** Purpose 4: use profiles to select personalised advertising. */
  useAdProfile: boolean;
  /** Special feature 2: actively scan device characteristics (fingerprinting). */
  deviceScan: boolean;
  /** How many vendors got consent. */
  vendors: number;
  publisherCountry?: string;
}

const MAX_TC_STRING = 8192;

/** Decodes a TC string; undefined when it is not one. Never throws. */
export function decodeTcString(tcString: string): TcfConsent | undefined {
  if (typeof tcString !== 'string' || !tcString.startsWith('C') || tcString.length > MAX_TC_STRING) return undefined;
  try {
    const m = TCString.decode(tcString);
    let vendors = 0;
    m.vendorConsents.forEach((granted) => {
      if (granted) vendors++;
    });
    return {
      cmpId: Number(m.cmpId),
      tcfPolicyVersion: Number(m.policyVersion),
      storage: m.purposeConsents.has(1),
      createAdProfile: m.purposeConsents.has(3),
      useAdProfile: m.purposeConsents.has(4),
      deviceScan: m.specialFeatureOptins.has(2),
      vendors,
      publisherCountry: /^[A-Z]{2}$/.test(m.publisherCountryCode ?? '') ? m.publisherCountryCode : undefined,
    };
  } catch {
    return undefined;
  }
}

/** Does this consent refuse the profiling that ad identity matching serves? */
export function refusesAdProfiles(c: TcfConsent): boolean {
  return !c.createAdProfile || !c.useAdProfile;
}
