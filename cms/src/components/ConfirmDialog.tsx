'use client'
import { Button } from '@payloadcms/ui'
import type { ReactNode } from 'react'

/** "en 80, ru 43": counts per key, in the order given; `none` when there are none. */
export function countList(counts: Record<string, number | undefined>, none: string, label?: Record<string, string>) {
  const parts = Object.entries(counts).flatMap(([key, n]) => (n ? [`${label?.[key] ?? key} ${n}`] : []))
  return parts.length ? parts.join(', ') : none
}

/**
 * The confirmation step before something goes out (docs/adr/0039): what will happen, with its
 * counts, and two buttons. A dialog over the page, so the choice cannot be scrolled past.
 */
export function ConfirmDialog(props: {
  question: string
  children?: ReactNode
  confirmLabel: string
  backLabel: string
  busy?: boolean
  onConfirm: () => void
  onBack: () => void
}) {
  return (
    <div
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        background: 'rgba(0, 0, 0, 0.45)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="pressroom-confirm-question"
        style={{
          background: 'var(--theme-elevation-0)',
          color: 'var(--theme-text)',
          padding: 'calc(var(--base) * 1.5)',
          borderRadius: 'var(--style-radius-m)',
          maxWidth: '32rem',
          boxShadow: '0 8px 32px rgba(0, 0, 0, 0.3)',
        }}
      >
        <h3 id="pressroom-confirm-question">{props.question}</h3>
        {props.children}
        <div style={{ display: 'flex', gap: 'var(--base)', marginTop: 'var(--base)' }}>
          <Button onClick={props.onConfirm} disabled={props.busy} buttonStyle="primary" size="small">
            {props.confirmLabel}
          </Button>
          <Button onClick={props.onBack} disabled={props.busy} buttonStyle="secondary" size="small">
            {props.backLabel}
          </Button>
        </div>
      </div>
    </div>
  )
}
