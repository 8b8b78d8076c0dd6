// The one relationId lives in shared/ (the site reads relationships too); this path is kept until
// every import in the CMS names @pressroom/shared directly.
export { relationId } from '@pressroom/shared'
