import { createHmac } from 'node:crypto'
import env from '#start/env'
import { adapters, defineConfig } from '#payments/define_config'
import { paymentPageOrigins } from '#payments/page_origins'
import { kakaopayAdapter } from '#payments/adapters/kakaopay_adapter'

/** The sandbox's own key unless TEST_CARD_SECRET is set, so it never equals APP_KEY. */
const testCardSecret =
  env.get('TEST_CARD_SECRET')?.release() ??
  createHmac('sha256', env.get('APP_KEY').release()).update('jangteo:test_card').digest('hex')

/**
 * The payment methods the checkout offers, keyed by adapter code. Each entry
 * is a factory: options are checked at boot, the adapter is built on first use.
 * A plugin or the shop's own code adds an entry the same way:
 *
 *   my_pg: () => new MyPgAdapter({ apiKey: env.get('MY_PG_API_KEY') }),
 */
export default defineConfig({
  default: 'bank_transfer',
  pageOrigins: paymentPageOrigins(),
  adapters: {
    bank_transfer: adapters.bankTransfer({
      bankName: env.get('BANK_TRANSFER_BANK_NAME', '장터은행'),
      accountNumber: env.get('BANK_TRANSFER_ACCOUNT_NUMBER', '000-000-000000'),
      accountHolder: env.get('BANK_TRANSFER_ACCOUNT_HOLDER', '장터'),
    }),
    ...(env.get('TEST_CARD_ENABLED', true)
      ? { test_card: adapters.testCard({ secret: testCardSecret }) }
      : {}),
    // 카카오페이: enabled by setting its secret key (the CID defaults to the test CID).
    ...(env.get('KAKAOPAY_SECRET_KEY')
      ? {
          kakaopay: kakaopayAdapter({
            secretKey: env.get('KAKAOPAY_SECRET_KEY')?.release(),
            cid: env.get('KAKAOPAY_CID', 'TC0ONETIME'),
            apiUrl: env.get('KAKAOPAY_API_URL'),
          }),
        }
      : {}),
  },
})
