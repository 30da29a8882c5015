/**
 * Input size limits (DESIGN.md invariant 7: every parser has size limits). Measured in
 * UTF-8 bytes of the raw input, before trimming.
 */
export const MAX_URL_BYTES = 8 * 1024
export const MAX_VALUE_BYTES = 2 * 1024

/** RFC 1035 §2.3.4 / RFC 5890: 63 octets per label, 253 for the name without its final dot. */
export const MAX_LABEL_LENGTH = 63
export const MAX_DOMAIN_LENGTH = 253

/** RFC 5321 §4.5.3.1: local part 64 octets, whole path 256 including the angle brackets. */
export const MAX_EMAIL_LOCAL_LENGTH = 64
export const MAX_EMAIL_LENGTH = 254
