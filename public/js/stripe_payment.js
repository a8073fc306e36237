// Stripe's payment page: mounts the Payment Element (an iframe of Stripe's, so
// the card never enters this page) and confirms the PaymentIntent with Stripe.js.
// Stripe then sends the shopper to the return URL; a decline is shown here and
// the shopper can try another card.
const form = document.querySelector('[data-stripe-payment]')
if (form && window.Stripe) {
  const { publishableKey, clientSecret, returnUrl, locale, declined } = form.dataset
  const stripe = window.Stripe(publishableKey, { locale })
  const elements = stripe.elements({ clientSecret, locale })
  elements.create('payment').mount(form.querySelector('[data-stripe-element]'))
  const error = form.querySelector('[data-stripe-error]')
  const button = form.querySelector('button[type="submit"]')

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    button.disabled = true
    error.hidden = true
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: returnUrl },
    })
    // Only reached when Stripe did not send the shopper on (a decline, a typo).
    if (result.error) {
      error.textContent = `${declined} ${result.error.message ?? ''}`.trim()
      error.hidden = false
    }
    button.disabled = false
  })
}
