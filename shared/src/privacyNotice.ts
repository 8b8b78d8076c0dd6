/**
 * The version of the privacy notice (site/src/content/pages/privacy.*.mdx carry the same value in
 * their frontmatter; site/src/__tests__/policyPages.test.ts fails when they disagree). The CMS
 * records it with every subscriber's consent, so a consent names the text the reader was shown.
 * Change it, and the notice's frontmatter, whenever the notice says something new.
 */
export const privacyNoticeVersion = '2026-12'
