import config from '@adonisjs/core/services/config'
import { anchorStore, currentAnchors, type AnchorStore, type AuditAnchor } from '#audit/anchors'
import { verifyAuditChain, type ChainReport } from '#audit/chain_verifier'

/** The configured anchor store (config/audit.ts). */
export function configuredAnchorStore(): AnchorStore {
  return anchorStore(config.get('audit.anchors'))
}

export type AnchorOutcome =
  | { status: 'anchored'; anchor: AuditAnchor }
  | { status: 'unchanged'; anchor: AuditAnchor | null }
  | { status: 'refused'; report: Extract<ChainReport, { ok: false }> }

/**
 * Records the chain head in the anchor store. The rows written since the
 * newest anchor are verified first, from that anchor on, so a chain rewritten
 * since is never anchored as if it were intact: the caller gets the problem
 * instead. A head that did not move is not anchored twice.
 */
export async function anchorAuditChain(
  store: AnchorStore = configuredAnchorStore()
): Promise<AnchorOutcome> {
  const anchors = currentAnchors(await store.list())
  const newest = anchors.reduce<AuditAnchor | null>(
    (latest, anchor) => (!latest || anchor.eventId > latest.eventId ? anchor : latest),
    null
  )
  const report = await verifyAuditChain(newest ? { from: newest } : {})
  if (!report.ok) return { status: 'refused', report }
  if (!report.head || report.head.eventId === newest?.eventId) {
    return { status: 'unchanged', anchor: newest }
  }
  const anchor = { ...report.head, anchoredAt: new Date().toISOString() }
  await store.append(anchor)
  return { status: 'anchored', anchor }
}
