/**
 * third-party-web names some companies by a brand or a former name. These are the
 * owners as of 2026, so that e.g. youtube.com counts as Google's own on google.com
 * and Facebook's pixel is shown as Meta's. Each is a public fact of corporate record.
 */
export const companyOwners: Readonly<Record<string, string>> = {
  Facebook: 'Meta',
  Instagram: 'Meta',
  YouTube: 'Google',
  'Bing Ads': 'Microsoft',
  Twitter: 'X',
  LinkedIn: 'Microsoft',
};

/** Display names for third-party-web entities that carry an old brand. */
export const entityRenames: Readonly<Record<string, string>> = {
  Facebook: 'Meta (Facebook)',
  'Twitter Online Conversion Tracking': 'X (Twitter) Ads',
};
