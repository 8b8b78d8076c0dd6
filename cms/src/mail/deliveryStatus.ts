/** Where one recipient's message stands; the core moves it along (docs/adr/0010). */
export const deliveryStatuses = [
  'planned',
  'batched',
  'queued',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
  'cancelled',
] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]
