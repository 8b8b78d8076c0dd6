import QRCode from 'qrcode'

/** A QR code as one SVG path over a `size`-square grid (quiet zone included). */
export type QrPath = { size: number; path: string }

/**
 * Drawn from the module matrix rather than as SVG markup, so the admin renders it as an ordinary
 * React element: no HTML injected, no data: URL for a Content-Security-Policy to allow.
 */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const quiet = 2
  const parts: string[] = []
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`)
    }
  }
  return { size: modules.size + 2 * quiet, path: parts.join('') }
}
