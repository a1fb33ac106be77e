/**
 * Field formats the gateway (DTO validation) and the domain services (their own checks) must
 * agree on exactly; one definition so the two cannot drift apart (SPEC "Conventions").
 */

/**
 * Phone numbers: 5–20 characters, only digits, spaces, `-`, `(`, `)` and `+`; `+` only as the
 * first character; at least 5 digits.
 */
export const PHONE_PATTERN = /^(?=.{5,20}$)(?=(?:[^0-9]*[0-9]){5})\+?[0-9 ()-]+$/;
export const PHONE_RULE = "5–20 characters of digits, spaces, '-', '(' and ')', with at least 5 digits and '+' only at the start";
