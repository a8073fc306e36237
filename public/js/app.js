// The little JavaScript Jangteo ships: confirmations and extra variant rows.
// Every page works without it.
document.addEventListener('submit', (event) => {
  const form = event.target
  if (
    form instanceof HTMLFormElement &&
    form.dataset.confirm &&
    !window.confirm(form.dataset.confirm)
  ) {
    event.preventDefault()
  }
})

// Seller product form: "Add a variant" clones the spare row with the next index.
for (const button of document.querySelectorAll('[data-add-variant-row]')) {
  const table = document.querySelector('[data-variant-rows] tbody')
  if (!table) continue
  button.hidden = false
  button.addEventListener('click', () => {
    const rows = table.querySelectorAll('[data-variant-row]')
    const last = rows[rows.length - 1]
    const clone = last.cloneNode(true)
    const index = rows.length
    for (const input of clone.querySelectorAll('input')) {
      if (input.type === 'hidden') {
        input.remove()
        continue
      }
      input.name = input.name.replace(/^variants\[\d+\]/, `variants[${index}]`)
      input.value = ''
    }
    for (const error of clone.querySelectorAll('.error')) error.remove()
    table.appendChild(clone)
  })
}
