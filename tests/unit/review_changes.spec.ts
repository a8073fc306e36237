import { test } from '@japa/runner'
import { reviewChanges } from '#services/catalog/review_changes'
import type {
  PublishedMedia,
  PublishedVariant,
  PublishedVersion,
} from '#services/catalog/published_version'

function variant(id: number, sku: string, changes: Partial<PublishedVariant> = {}) {
  return {
    id,
    sku,
    price: 10_000,
    compareAtPrice: null,
    stock: 5,
    weightGrams: 500,
    options: { 사이즈: 'M' },
    ...changes,
  }
}

function media(id: number): PublishedMedia {
  return { id, kind: 'image', originalName: `${id}.jpg`, contentHash: `hash-${id}` }
}

function version(changes: Partial<PublishedVersion> = {}): PublishedVersion {
  return {
    title: '린넨 셔츠',
    titleEn: 'Linen shirt',
    description: '시원한 셔츠',
    descriptionEn: null,
    categoryId: 1,
    variants: [variant(1, 'LS-M'), variant(2, 'LS-L', { options: { 사이즈: 'L' } })],
    media: [media(10), media(11), media(12)],
    ...changes,
  }
}

test.group('Product review | changes since publication', () => {
  test('the same product has no changes', ({ assert }) => {
    const changes = reviewChanges(version(), version())
    assert.isTrue(changes.none)
    assert.deepEqual(changes.fields, [])
  })

  test('lists changed text and category with before and after', ({ assert }) => {
    const changes = reviewChanges(
      version(),
      version({ title: '린넨 셔츠 (신상)', descriptionEn: 'Cool', categoryId: 2 })
    )
    assert.isFalse(changes.none)
    assert.deepEqual(changes.fields, [
      { field: 'title', before: '린넨 셔츠', after: '린넨 셔츠 (신상)' },
      { field: 'descriptionEn', before: null, after: 'Cool' },
      { field: 'categoryId', before: 1, after: 2 },
    ])
  })

  test('finds variants added, removed and changed, pairing by id then by SKU', ({ assert }) => {
    const changes = reviewChanges(
      version({
        variants: [variant(1, 'LS-M'), variant(2, 'LS-L'), variant(3, 'LS-XL')],
      }),
      version({
        variants: [
          variant(1, 'LS-M2', { price: 12_000, options: { 사이즈: 'M', 색상: '블루' } }),
          // Deleted and typed again: a new id, the same SKU.
          variant(9, 'LS-L', { stock: 0 }),
          variant(10, 'LS-S', { price: 9000 }),
        ],
      })
    )
    assert.deepEqual(
      changes.variants.added.map((item) => item.sku),
      ['LS-S']
    )
    assert.deepEqual(
      changes.variants.removed.map((item) => item.sku),
      ['LS-XL']
    )
    assert.deepEqual(
      changes.variants.changed.map((entry) => [entry.variant.sku, entry.changes]),
      [
        [
          'LS-M2',
          [
            { field: 'sku', before: 'LS-M', after: 'LS-M2' },
            { field: 'price', before: 10_000, after: 12_000 },
            {
              field: 'options',
              before: { 사이즈: 'M' },
              after: { 사이즈: 'M', 색상: '블루' },
            },
          ],
        ],
        ['LS-L', [{ field: 'stock', before: 5, after: 0 }]],
      ]
    )
  })

  test('options written in another key order are not a change', ({ assert }) => {
    const before = version({
      variants: [variant(1, 'A', { options: { 색상: '블루', 사이즈: 'M' } })],
    })
    const after = version({
      variants: [variant(1, 'A', { options: { 사이즈: 'M', 색상: '블루' } })],
    })
    assert.isTrue(reviewChanges(before, after).none)
  })

  test('finds photos added and removed, and a new order of the photos kept', ({ assert }) => {
    const changes = reviewChanges(version(), version({ media: [media(12), media(11), media(13)] }))
    assert.deepEqual(
      changes.media.added.map((item) => item.id),
      [13]
    )
    assert.deepEqual(
      changes.media.removed.map((item) => item.id),
      [10]
    )
    assert.isTrue(changes.media.reordered)
    assert.deepEqual(
      changes.media.after.map((item) => item.id),
      [12, 11, 13]
    )
  })

  test('a photo added in front or one removed does not reorder the others', ({ assert }) => {
    const added = reviewChanges(version(), version({ media: [media(9), ...version().media] }))
    assert.isFalse(added.media.reordered)
    const removed = reviewChanges(version(), version({ media: [media(11), media(12)] }))
    assert.isFalse(removed.media.reordered)
    assert.deepEqual(
      removed.media.removed.map((item) => item.id),
      [10]
    )
  })
})
