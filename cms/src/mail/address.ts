/** Addresses are compared and stored in one form: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

// Deliberately plain: one @, a dot in the domain, no spaces or angle brackets, ≤ 254 characters.
const emailPattern = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\].]{2,}$/

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && emailPattern.test(email) && !email.includes('..')
}
