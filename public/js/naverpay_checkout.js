// NaverPay payment page (pages/payments/naverpay.edge): opens the NaverPay
// payment window with the JS SDK the page loaded. NaverPay sends the shopper
// to returnUrl with resultCode (and paymentId), where the shop approves it.
for (const root of document.querySelectorAll('[data-naverpay]')) enhance(root)

function enhance(root) {
  const { mode, clientId, chainId, ...payment } = JSON.parse(root.dataset.naverpay)
  const button = root.querySelector('[data-naverpay-pay]')
  const alert = root.querySelector('[data-naverpay-error]')

  function show(message) {
    alert.textContent = message
    alert.hidden = false
  }

  if (typeof window.Naver?.Pay?.create !== 'function') return show(root.dataset.unavailable)
  button.disabled = false
  button.addEventListener('click', () => {
    alert.hidden = true
    try {
      const oPay = window.Naver.Pay.create({ mode, clientId, chainId })
      oPay.open({ ...payment, returnUrl: new URL(payment.returnUrl, window.location.href).href })
    } catch (error) {
      show(error?.message || root.dataset.unavailable)
    }
  })
}
