export const policies = {
  AddressPolicy: () => import('#policies/address_policy'),
  MediaPolicy: () => import('#policies/media_policy'),
  ProductPolicy: () => import('#policies/product_policy'),
  SellerOrderPolicy: () => import('#policies/seller_order_policy'),
}

