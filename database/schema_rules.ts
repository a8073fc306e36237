import type { SchemaRules } from '@adonisjs/lucid/types/schema_generator'

/**
 * Steers database/schema.ts generation: status columns get their union types
 * from the lifecycle that owns them, JSON stored as text stays a string.
 */
export default {
  // Money columns are bigint; config/database.ts parses int8 into a number.
  types: {
    bigint: { tsType: 'number', imports: [], decorators: [{ name: '@column' }] },
  },
  tables: {
    // Digits in column names do not survive the snake_case naming strategy.
    addresses: {
      columns: {
        line1: {
          tsType: 'string',
          decorators: [{ name: '@column', args: { columnName: 'line1' } }],
        },
        line2: {
          tsType: 'string',
          decorators: [{ name: '@column', args: { columnName: 'line2' } }],
        },
      },
    },
    users: {
      columns: {
        role: {
          tsType: 'UserRole',
          imports: [{ source: '#models/user_role', typeImports: ['UserRole'] }],
        },
      },
    },
    sellers: {
      columns: {
        status: {
          tsType: 'SellerStatus',
          imports: [{ source: '#lifecycles/seller_lifecycle', typeImports: ['SellerStatus'] }],
        },
        bank_account_number: {
          tsType: 'string',
          decorators: [{ name: '@column', args: { serializeAs: null } }],
        },
      },
    },
    seller_identity_changes: {
      columns: {
        status: {
          tsType: 'IdentityChangeStatus',
          imports: [
            {
              source: '#lifecycles/identity_change_lifecycle',
              typeImports: ['IdentityChangeStatus'],
            },
          ],
        },
        bank_account_number: {
          tsType: 'string',
          decorators: [{ name: '@column', args: { serializeAs: null } }],
        },
      },
    },
    seller_members: {
      columns: {
        role: {
          tsType: 'SellerMemberRole',
          imports: [{ source: '#models/user_role', typeImports: ['SellerMemberRole'] }],
        },
      },
    },
    product_variants: {
      columns: {
        options: { tsType: 'Record<string, string>', decorators: [{ name: '@column' }] },
      },
    },
    media: {
      columns: {
        kind: {
          tsType: 'MediaKind',
          imports: [{ source: '#media/types', typeImports: ['MediaKind'] }],
        },
        status: {
          tsType: 'MediaStatus',
          imports: [{ source: '#media/media_status', typeImports: ['MediaStatus'] }],
        },
        rendition_set: {
          tsType: 'StoredRendition[]',
          imports: [{ source: '#media/types', typeImports: ['StoredRendition'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    media_renditions: {
      columns: {
        role: {
          tsType: 'RenditionRole',
          imports: [{ source: '#media/types', typeImports: ['RenditionRole'] }],
        },
        format: {
          tsType: 'RenditionFormat',
          imports: [{ source: '#media/types', typeImports: ['RenditionFormat'] }],
        },
      },
    },
    shipping_policies: {
      columns: {
        scope: {
          tsType: 'ShippingScope',
          imports: [{ source: '#shipping/types', typeImports: ['ShippingScope'] }],
        },
        options: { tsType: 'Record<string, unknown>', decorators: [{ name: '@column' }] },
      },
    },
    orders: {
      columns: {
        status: {
          tsType: 'OrderStatus',
          imports: [{ source: '#lifecycles/order_lifecycle', typeImports: ['OrderStatus'] }],
        },
        stock_state: {
          tsType: 'StockState',
          imports: [{ source: '#lifecycles/order_lifecycle', typeImports: ['StockState'] }],
        },
        shipping_address: {
          tsType: 'ShippingAddress',
          imports: [
            { source: '#services/orders/shipping_address', typeImports: ['ShippingAddress'] },
          ],
          decorators: [{ name: '@column' }],
        },
        access_key_hash: {
          tsType: 'string',
          decorators: [{ name: '@column', args: { serializeAs: null } }],
        },
      },
    },
    seller_orders: {
      columns: {
        status: {
          tsType: 'SellerOrderStatus',
          imports: [
            { source: '#lifecycles/seller_order_lifecycle', typeImports: ['SellerOrderStatus'] },
          ],
        },
        shipping_breakdown: {
          tsType: 'BreakdownLine[]',
          imports: [{ source: '#shipping/types', typeImports: ['BreakdownLine'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    payment_refunds: {
      columns: {
        status: {
          tsType: 'RefundStatus',
          imports: [{ source: '#lifecycles/refund_status', typeImports: ['RefundStatus'] }],
        },
      },
    },
    payments: {
      columns: {
        status: {
          tsType: 'PaymentStatus',
          imports: [{ source: '#lifecycles/payment_lifecycle', typeImports: ['PaymentStatus'] }],
        },
        next_action: {
          tsType: 'PaymentSession',
          imports: [{ source: '#payments/types', typeImports: ['PaymentSession'] }],
          decorators: [{ name: '@column' }],
        },
        method_summary: {
          tsType: 'MethodSummary',
          imports: [{ source: '#payments/types', typeImports: ['MethodSummary'] }],
          decorators: [{ name: '@column' }],
        },
      },
    },
    product_publications: {
      columns: {
        snapshot: {
          tsType: 'PublishedVersion',
          imports: [
            { source: '#services/catalog/published_version', typeImports: ['PublishedVersion'] },
          ],
          decorators: [{ name: '@column' }],
        },
      },
    },
    products: {
      columns: {
        status: {
          tsType: 'ProductStatus',
          imports: [{ source: '#lifecycles/product_lifecycle', typeImports: ['ProductStatus'] }],
        },
      },
    },
  },
} satisfies SchemaRules
