import type { DocumentKind } from '@pressroom/shared'

/** The kinds in the order readers meet them in menus: press releases first, what journalists come for. */
export const menuKinds: readonly DocumentKind[] = ['pressRelease', 'statement', 'notice']
