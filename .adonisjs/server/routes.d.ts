import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'metrics': { paramsTuple?: []; params?: {} }
    'webhooks.payments': { paramsTuple: [ParamValue]; params: {'adapter': ParamValue} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'account.edit': { paramsTuple?: []; params?: {} }
    'account.update': { paramsTuple?: []; params?: {} }
    'account.password': { paramsTuple?: []; params?: {} }
    'account.addresses.store': { paramsTuple?: []; params?: {} }
    'account.addresses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.addresses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.payment_methods.index': { paramsTuple?: []; params?: {} }
    'account.payment_methods.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.application.show': { paramsTuple?: []; params?: {} }
    'seller.application.store': { paramsTuple?: []; params?: {} }
    'seller.dashboard': { paramsTuple?: []; params?: {} }
    'seller.products.index': { paramsTuple?: []; params?: {} }
    'seller.products.create': { paramsTuple?: []; params?: {} }
    'seller.products.store': { paramsTuple?: []; params?: {} }
    'seller.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.reorder': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'mediaId': ParamValue} }
    'seller.products.media.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'mediaId': ParamValue} }
    'seller.products.media.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'mediaId': ParamValue} }
    'seller.settings.edit': { paramsTuple?: []; params?: {} }
    'seller.settings.update': { paramsTuple?: []; params?: {} }
    'seller.settings.withdraw': { paramsTuple?: []; params?: {} }
    'seller.shipping.show': { paramsTuple?: []; params?: {} }
    'seller.shipping.quote': { paramsTuple?: []; params?: {} }
    'seller.shipping.update': { paramsTuple: [ParamValue]; params: {'scope': ParamValue} }
    'seller.orders.index': { paramsTuple?: []; params?: {} }
    'seller.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.orders.ship': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.orders.deliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.sellers.index': { paramsTuple?: []; params?: {} }
    'admin.sellers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.sellers.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.sellers.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.seller_changes.index': { paramsTuple?: []; params?: {} }
    'admin.seller_changes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.seller_changes.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.seller_changes.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.index': { paramsTuple?: []; params?: {} }
    'admin.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.categories.index': { paramsTuple?: []; params?: {} }
    'admin.categories.store': { paramsTuple?: []; params?: {} }
    'admin.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.categories.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.payments.receive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.payments.refund': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.payments.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.refunds.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.staff.index': { paramsTuple?: []; params?: {} }
    'admin.staff.money.grant': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.staff.money.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.queue.index': { paramsTuple?: []; params?: {} }
    'admin.queue.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'jobId': ParamValue} }
    'admin.queue.discard': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'jobId': ParamValue} }
    'payments.stripe.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.toss.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.naverpay.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'search': { paramsTuple?: []; params?: {} }
    'categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'sellers.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'signup.store': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'cart.show': { paramsTuple?: []; params?: {} }
    'cart.items.store': { paramsTuple?: []; params?: {} }
    'cart.items.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart.items.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'checkout.show': { paramsTuple?: []; params?: {} }
    'checkout.quote': { paramsTuple?: []; params?: {} }
    'checkout.store': { paramsTuple?: []; params?: {} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'orders.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'orders.pay': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'orders.confirm': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'sellerOrderId': ParamValue} }
    'payments.test_card.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.test_card.store': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.return': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'account.orders.index': { paramsTuple?: []; params?: {} }
    'api.v1.openapi': { paramsTuple?: []; params?: {} }
    'api.v1.auth.register': { paramsTuple?: []; params?: {} }
    'api.v1.auth.login': { paramsTuple?: []; params?: {} }
    'api.v1.auth.logout': { paramsTuple?: []; params?: {} }
    'api.v1.me': { paramsTuple?: []; params?: {} }
    'api.v1.categories.index': { paramsTuple?: []; params?: {} }
    'api.v1.products.index': { paramsTuple?: []; params?: {} }
    'api.v1.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.carts.store': { paramsTuple?: []; params?: {} }
    'api.v1.carts.show': { paramsTuple: [ParamValue]; params: {'cartId': ParamValue} }
    'api.v1.carts.items.store': { paramsTuple: [ParamValue]; params: {'cartId': ParamValue} }
    'api.v1.carts.items.update': { paramsTuple: [ParamValue,ParamValue]; params: {'cartId': ParamValue,'itemId': ParamValue} }
    'api.v1.carts.items.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'cartId': ParamValue,'itemId': ParamValue} }
    'api.v1.checkout.store': { paramsTuple?: []; params?: {} }
    'api.v1.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'api.v1.seller.products.index': { paramsTuple?: []; params?: {} }
    'api.v1.seller.products.store': { paramsTuple?: []; params?: {} }
    'api.v1.seller.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.media.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.media.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.media.reorder': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.products.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.products.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.sellers.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.sellers.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'metrics': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'account.edit': { paramsTuple?: []; params?: {} }
    'account.payment_methods.index': { paramsTuple?: []; params?: {} }
    'seller.application.show': { paramsTuple?: []; params?: {} }
    'seller.dashboard': { paramsTuple?: []; params?: {} }
    'seller.products.index': { paramsTuple?: []; params?: {} }
    'seller.products.create': { paramsTuple?: []; params?: {} }
    'seller.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.settings.edit': { paramsTuple?: []; params?: {} }
    'seller.shipping.show': { paramsTuple?: []; params?: {} }
    'seller.orders.index': { paramsTuple?: []; params?: {} }
    'seller.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.sellers.index': { paramsTuple?: []; params?: {} }
    'admin.sellers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.seller_changes.index': { paramsTuple?: []; params?: {} }
    'admin.seller_changes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.index': { paramsTuple?: []; params?: {} }
    'admin.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.categories.index': { paramsTuple?: []; params?: {} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.staff.index': { paramsTuple?: []; params?: {} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.queue.index': { paramsTuple?: []; params?: {} }
    'payments.stripe.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.toss.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.naverpay.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'search': { paramsTuple?: []; params?: {} }
    'categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'sellers.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'cart.show': { paramsTuple?: []; params?: {} }
    'checkout.show': { paramsTuple?: []; params?: {} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'payments.test_card.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.return': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'account.orders.index': { paramsTuple?: []; params?: {} }
    'api.v1.openapi': { paramsTuple?: []; params?: {} }
    'api.v1.me': { paramsTuple?: []; params?: {} }
    'api.v1.categories.index': { paramsTuple?: []; params?: {} }
    'api.v1.products.index': { paramsTuple?: []; params?: {} }
    'api.v1.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.carts.show': { paramsTuple: [ParamValue]; params: {'cartId': ParamValue} }
    'api.v1.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'api.v1.seller.products.index': { paramsTuple?: []; params?: {} }
    'api.v1.seller.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.media.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'metrics': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'account.edit': { paramsTuple?: []; params?: {} }
    'account.payment_methods.index': { paramsTuple?: []; params?: {} }
    'seller.application.show': { paramsTuple?: []; params?: {} }
    'seller.dashboard': { paramsTuple?: []; params?: {} }
    'seller.products.index': { paramsTuple?: []; params?: {} }
    'seller.products.create': { paramsTuple?: []; params?: {} }
    'seller.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.settings.edit': { paramsTuple?: []; params?: {} }
    'seller.shipping.show': { paramsTuple?: []; params?: {} }
    'seller.orders.index': { paramsTuple?: []; params?: {} }
    'seller.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.sellers.index': { paramsTuple?: []; params?: {} }
    'admin.sellers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.seller_changes.index': { paramsTuple?: []; params?: {} }
    'admin.seller_changes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.index': { paramsTuple?: []; params?: {} }
    'admin.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.categories.index': { paramsTuple?: []; params?: {} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.staff.index': { paramsTuple?: []; params?: {} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.queue.index': { paramsTuple?: []; params?: {} }
    'payments.stripe.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.toss.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.naverpay.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'dev.mails.index': { paramsTuple?: []; params?: {} }
    'dev.mails.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'search': { paramsTuple?: []; params?: {} }
    'categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'sellers.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'cart.show': { paramsTuple?: []; params?: {} }
    'checkout.show': { paramsTuple?: []; params?: {} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'payments.test_card.show': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'payments.return': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'account.orders.index': { paramsTuple?: []; params?: {} }
    'api.v1.openapi': { paramsTuple?: []; params?: {} }
    'api.v1.me': { paramsTuple?: []; params?: {} }
    'api.v1.categories.index': { paramsTuple?: []; params?: {} }
    'api.v1.products.index': { paramsTuple?: []; params?: {} }
    'api.v1.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.carts.show': { paramsTuple: [ParamValue]; params: {'cartId': ParamValue} }
    'api.v1.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'api.v1.seller.products.index': { paramsTuple?: []; params?: {} }
    'api.v1.seller.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.media.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'webhooks.payments': { paramsTuple: [ParamValue]; params: {'adapter': ParamValue} }
    'account.addresses.store': { paramsTuple?: []; params?: {} }
    'seller.application.store': { paramsTuple?: []; params?: {} }
    'seller.products.store': { paramsTuple?: []; params?: {} }
    'seller.products.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'mediaId': ParamValue} }
    'seller.settings.withdraw': { paramsTuple?: []; params?: {} }
    'seller.shipping.quote': { paramsTuple?: []; params?: {} }
    'seller.orders.ship': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.orders.deliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.sellers.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.sellers.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.seller_changes.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.seller_changes.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.products.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.categories.store': { paramsTuple?: []; params?: {} }
    'admin.orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.payments.receive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.payments.refund': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.payments.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.refunds.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.staff.money.grant': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.queue.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'jobId': ParamValue} }
    'admin.queue.discard': { paramsTuple: [ParamValue,ParamValue]; params: {'queue': ParamValue,'jobId': ParamValue} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'signup.store': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'cart.items.store': { paramsTuple?: []; params?: {} }
    'checkout.quote': { paramsTuple?: []; params?: {} }
    'checkout.store': { paramsTuple?: []; params?: {} }
    'orders.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'orders.pay': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'orders.confirm': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'sellerOrderId': ParamValue} }
    'payments.test_card.store': { paramsTuple: [ParamValue]; params: {'attemptId': ParamValue} }
    'api.v1.auth.register': { paramsTuple?: []; params?: {} }
    'api.v1.auth.login': { paramsTuple?: []; params?: {} }
    'api.v1.auth.logout': { paramsTuple?: []; params?: {} }
    'api.v1.carts.store': { paramsTuple?: []; params?: {} }
    'api.v1.carts.items.store': { paramsTuple: [ParamValue]; params: {'cartId': ParamValue} }
    'api.v1.checkout.store': { paramsTuple?: []; params?: {} }
    'api.v1.seller.products.store': { paramsTuple?: []; params?: {} }
    'api.v1.seller.products.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.media.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.products.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.products.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.sellers.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.admin.sellers.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PUT: {
    'account.update': { paramsTuple?: []; params?: {} }
    'account.password': { paramsTuple?: []; params?: {} }
    'account.addresses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.reorder': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'mediaId': ParamValue} }
    'seller.settings.update': { paramsTuple?: []; params?: {} }
    'seller.shipping.update': { paramsTuple: [ParamValue]; params: {'scope': ParamValue} }
    'admin.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart.items.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.products.media.reorder': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'account.addresses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.payment_methods.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'seller.products.media.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'mediaId': ParamValue} }
    'admin.categories.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.staff.money.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'cart.items.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.carts.items.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'cartId': ParamValue,'itemId': ParamValue} }
    'api.v1.seller.media.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PATCH: {
    'api.v1.carts.items.update': { paramsTuple: [ParamValue,ParamValue]; params: {'cartId': ParamValue,'itemId': ParamValue} }
    'api.v1.seller.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.seller.media.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}