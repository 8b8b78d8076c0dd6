import { previewAsset } from '../../../../../preview/handlers.ts'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return previewAsset((await params).file)
}
