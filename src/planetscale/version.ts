// Sent in the User-Agent. A test keeps it equal to package.json's version.
export const ACTION_NAME = 'planetscale-token-action';
export const ACTION_VERSION = '1.0.0';
