// Browser-safe: forms show the same limits the server enforces.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
