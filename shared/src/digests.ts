/**
 * How often a subscriber is e-mailed: each publication at once, or one digest a day or a week
 * (docs/adr/0046). The site's subscribe form offers these values and the CMS accepts them.
 */
export const digestFrequencies = ['immediate', 'daily', 'weekly'] as const
export type DigestFrequency = (typeof digestFrequencies)[number]
