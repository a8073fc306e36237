// Toss checkout page (pages/payments/toss.edge): opens the Toss payment window
// with the SDK v2 the page loaded, or the card registration window when the
// shopper keeps the card for one-click payments. Toss then sends the shopper
// to successUrl (the shop confirms the payment there) or back here (failUrl).
for (const root of document.querySelectorAll('[data-toss]')) enhance(root)

function enhance(root) {
  const request = JSON.parse(root.dataset.toss)
  const button = root.querySelector('[data-toss-pay]')
  const alert = root.querySelector('[data-toss-error]')
  const absolute = (url) => new URL(url, window.location.href).href

  function show(message) {
    alert.textContent = message
    alert.hidden = false
  }

  if (typeof window.TossPayments !== 'function') return show(root.dataset.unavailable)
  button.disabled = false
  button.addEventListener('click', async () => {
    button.disabled = true
    alert.hidden = true
    const common = {
      method: 'CARD',
      successUrl: absolute(request.successUrl),
      failUrl: absolute(request.failUrl),
      customerEmail: request.customerEmail,
      customerName: request.customerName,
    }
    try {
      const payment = window.TossPayments(request.clientKey).payment({
        customerKey: request.customerKey ?? window.TossPayments.ANONYMOUS,
      })
      if (request.flow === 'billing') {
        await payment.requestBillingAuth(common)
      } else {
        await payment.requestPayment({
          ...common,
          amount: { currency: 'KRW', value: request.amount },
          orderId: request.orderId,
          orderName: request.orderName,
        })
      }
    } catch (error) {
      // The window was closed, or the SDK refused the request: the shopper may try again.
      show(error?.message || root.dataset.unavailable)
      button.disabled = false
    }
  })
}
