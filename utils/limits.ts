/** Page URLs are kept to this length everywhere: in reports, in tab state, in messages. */
export const MAX_PAGE_URL = 4096;
