import { test } from '@japa/runner'
import { ProductStatus, productLifecycle } from '#lifecycles/product_lifecycle'
import { SellerStatus, sellerLifecycle } from '#lifecycles/seller_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'

test.group('Lifecycles | product review', () => {
  test('follows draft → pending_review → published | rejected → archived', ({ assert }) => {
    assert.equal(productLifecycle.next(ProductStatus.Draft, 'submit'), ProductStatus.PendingReview)
    assert.equal(
      productLifecycle.next(ProductStatus.PendingReview, 'publish'),
      ProductStatus.Published
    )
    assert.equal(
      productLifecycle.next(ProductStatus.PendingReview, 'reject'),
      ProductStatus.Rejected
    )
    assert.equal(
      productLifecycle.next(ProductStatus.Rejected, 'submit'),
      ProductStatus.PendingReview
    )
    assert.equal(productLifecycle.next(ProductStatus.Published, 'archive'), ProductStatus.Archived)
    assert.equal(productLifecycle.next(ProductStatus.Archived, 'restore'), ProductStatus.Draft)
  })

  test('refuses shortcuts with a 409 that names the action and the state', ({ assert }) => {
    assert.throws(
      () => productLifecycle.next(ProductStatus.Draft, 'publish'),
      'Cannot publish a product that is draft'
    )
    assert.throws(
      () => productLifecycle.next(ProductStatus.Published, 'reject'),
      'Cannot reject a product that is published'
    )
    try {
      productLifecycle.next(ProductStatus.Archived, 'submit')
      assert.fail('expected an exception')
    } catch (error) {
      assert.instanceOf(error, InvalidTransitionException)
      assert.equal((error as InvalidTransitionException).status, 409)
      assert.equal((error as InvalidTransitionException).code, 'E_INVALID_TRANSITION')
    }
  })

  test('lists the actions open from each state', ({ assert }) => {
    assert.sameMembers(productLifecycle.actionsFrom(ProductStatus.Draft), ['submit', 'archive'])
    assert.sameMembers(productLifecycle.actionsFrom(ProductStatus.PendingReview), [
      'publish',
      'reject',
    ])
    assert.sameMembers(productLifecycle.actionsFrom(ProductStatus.Published), [
      'resubmit',
      'archive',
    ])
  })
})

test.group('Lifecycles | seller applications', () => {
  test('a pending application is approved or rejected once, and a rejected one may reapply', ({
    assert,
  }) => {
    assert.equal(sellerLifecycle.next(SellerStatus.Pending, 'approve'), SellerStatus.Approved)
    assert.equal(sellerLifecycle.next(SellerStatus.Pending, 'reject'), SellerStatus.Rejected)
    assert.equal(sellerLifecycle.next(SellerStatus.Rejected, 'reapply'), SellerStatus.Pending)
    assert.throws(() => sellerLifecycle.next(SellerStatus.Approved, 'approve'))
    assert.throws(() => sellerLifecycle.next(SellerStatus.Approved, 'reapply'))
  })
})
