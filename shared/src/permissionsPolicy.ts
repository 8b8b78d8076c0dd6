/**
 * Browser features neither the site nor the CMS uses, switched off for them and for anything they
 * could be made to load: the `Permissions-Policy` both send (docs/adr/0032).
 */
export const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ')
