// Seller center gallery (components/media_manager.edge): uploads with a progress
// bar each, live status while files are processed, drag-and-drop order, and the
// item forms sent without leaving the page. Without this file the forms still work.
const POLL_MS = 2000
const PENDING = ['queued', 'processing']

for (const root of document.querySelectorAll('[data-media-manager]')) enhance(root)

function enhance(root) {
  const list = root.querySelector('[data-media-list]')
  const uploads = root.querySelector('[data-media-uploads]')
  const picker = root.querySelector('[data-media-upload] input[type=file]')
  const dropZone = root.querySelector('[data-media-upload]')
  const alert = root.querySelector('[data-media-alert]')
  const labels = JSON.parse(root.dataset.labels)
  const csrfToken = root.querySelector('input[name=_csrf]').value
  let pollTimer = null
  let uploading = Promise.resolve()
  let saving = Promise.resolve()
  let dragged = null
  let orderBeforeDrag = ''

  /** Sends a request the way the forms would, asking for JSON; fails with the server's message. */
  async function send(method, url, body) {
    const headers = { 'Accept': 'application/json', 'X-CSRF-Token': csrfToken }
    if (body && !(body instanceof URLSearchParams)) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(body)
    }
    const response = await fetch(url, { method, headers, body })
    // Anything but JSON (say, the login page after the session ended) is a failure too.
    const payload = response.status === 204 ? null : await response.json().catch(() => undefined)
    if (!response.ok || payload === undefined) throw new Error(messageOf(payload))
    return payload
  }

  function messageOf(payload, fallback = labels.requestFailed) {
    return payload?.errors?.[0]?.message ?? payload?.message ?? fallback
  }

  function showAlert(message) {
    alert.textContent = message
    alert.hidden = !message
  }

  // Uploads: one request per file, in turn, each with its own row and progress bar.
  function upload(file) {
    const template = root.querySelector('[data-media-upload-template]')
    const row = template.content.firstElementChild.cloneNode(true)
    const progress = row.querySelector('progress')
    const state = row.querySelector('[data-upload-state]')
    row.querySelector('[data-upload-name]').textContent = file.name
    row.dataset.state = 'waiting'
    state.textContent = labels.waiting
    uploads.append(row)

    uploading = uploading.then(
      () =>
        new Promise((resolve) => {
          const request = new XMLHttpRequest()
          const finish = (status, message) => {
            row.dataset.state = status
            state.textContent = message
            state.classList.toggle('error', status === 'failed')
            resolve()
          }
          request.open('POST', root.dataset.url)
          request.setRequestHeader('Accept', 'application/json')
          request.setRequestHeader('X-CSRF-Token', csrfToken)
          request.responseType = 'json'
          request.upload.addEventListener('progress', (event) => {
            if (event.lengthComputable) progress.value = (event.loaded / event.total) * 100
          })
          request.addEventListener('load', () => {
            if (request.status !== 202) {
              return finish('failed', messageOf(request.response, labels.uploadFailed))
            }
            progress.value = 100
            finish('done', labels.uploadDone)
            refresh()
          })
          request.addEventListener('error', () => finish('failed', labels.uploadFailed))
          const body = new FormData()
          body.append('file', file)
          row.dataset.state = 'uploading'
          state.textContent = labels.uploading
          request.send(body)
        })
    )
  }

  function uploadAll(files) {
    for (const row of uploads.querySelectorAll('[data-state=done], [data-state=failed]')) {
      row.remove()
    }
    for (const file of files) upload(file)
  }

  // Rendering: an item from the JSON gallery, filled into the blank copy of the markup.
  function version(item) {
    return [
      item.status,
      item.isCover,
      item.alt ?? '',
      item.error ?? '',
      item.renditions.length,
    ].join('|')
  }

  function render(item) {
    const template = root.querySelector('[data-media-item-template]').content.firstElementChild
    const node = template.cloneNode(true)
    Object.assign(node.dataset, {
      id: item.id,
      status: item.status,
      kind: item.kind,
      version: version(item),
    })
    for (const form of node.querySelectorAll('form')) {
      form.setAttribute('action', form.getAttribute('action').replace('MEDIA_ID', item.id))
    }
    const frames = (item.kind === 'video' ? (item.poster?.renditions ?? []) : item.renditions)
      .filter((rendition) => rendition.format === 'jpeg')
      .sort((a, b) => a.width - b.width)
    if (frames.length) {
      const image = new Image(frames[0].width, frames[0].height)
      Object.assign(image, { src: frames[0].url, alt: item.alt ?? '', loading: 'lazy' })
      image.dataset.test = 'media-thumbnail'
      node.querySelector('[data-media-thumb]').prepend(image)
    }
    const duration = node.querySelector('[data-media-duration]')
    duration.textContent = formatDuration(item.durationMs)
    duration.hidden = !item.durationMs
    node.querySelector('[data-media-status]').textContent = labels.status[item.status]
    node.querySelector('[data-media-cover]').hidden = !item.isCover
    node.querySelector('[data-media-name]').textContent = item.originalName
    const error = node.querySelector('[data-media-error]')
    error.textContent = item.error ?? ''
    error.hidden = !item.error
    node.querySelector('input[name=alt]').defaultValue = item.alt ?? ''
    node.querySelector('[data-media-action=cover]').hidden = item.kind !== 'image' || item.isCover
    node.querySelector('[data-media-action=retry]').hidden = item.status !== 'failed'
    return node
  }

  function items() {
    return [...list.querySelectorAll(':scope > [data-media-item]')]
  }

  function ids() {
    return items().map((node) => Number(node.dataset.id))
  }

  /** Puts the gallery in the server's state, touching only the items that changed. */
  function reconcile(gallery) {
    const current = new Map(items().map((node) => [node.dataset.id, node]))
    gallery.forEach((item, index) => {
      let node = current.get(String(item.id))
      if (!node || node.dataset.version !== version(item)) {
        const fresh = render(item)
        if (node) {
          const focused = node.contains(document.activeElement) ? document.activeElement : null
          keepAltText(node, fresh)
          node.replaceWith(fresh)
          if (focused) focusLike(fresh, focused)
        }
        node = fresh
      }
      current.delete(String(item.id))
      if (list.children[index] !== node) list.insertBefore(node, list.children[index] ?? null)
    })
    for (const stale of current.values()) stale.remove()
  }

  /** Unsaved alt text survives an item being redrawn (say, when it becomes ready). */
  function keepAltText(node, fresh) {
    const typed = node.querySelector('input[name=alt]')
    if (typed.value !== typed.defaultValue)
      fresh.querySelector('input[name=alt]').value = typed.value
  }

  /** Keeps the keyboard where it was when an item is redrawn. */
  function focusLike(node, focused) {
    const action = focused.closest('form')?.dataset.mediaAction
    if (!action) return
    const name = focused.name ? `[name="${focused.name}"]` : ''
    node.querySelector(`[data-media-action=${action}] ${focused.localName}${name}`)?.focus()
  }

  function afterChange() {
    const nodes = items()
    nodes.forEach((node, index) => {
      node.querySelector('[data-media-thumb]').draggable = true
      node.querySelector('[data-media-action=earlier] button').disabled = index === 0
      node.querySelector('[data-media-action=later] button').disabled = index === nodes.length - 1
    })
    root.querySelector('[data-media-empty]').hidden = nodes.length > 0
    const pending = nodes.some((node) => PENDING.includes(node.dataset.status))
    if (pending && !pollTimer) pollTimer = setTimeout(poll, POLL_MS)
  }

  /** Reads the gallery back; while an item is queued or processing, again in a moment. */
  async function refresh() {
    try {
      const { data } = await send('GET', root.dataset.url)
      if (!dragged) reconcile(data)
    } catch (error) {
      showAlert(error.message)
    }
    afterChange()
  }

  function poll() {
    pollTimer = null
    return refresh()
  }

  // Order: move buttons and drag and drop both save the whole order, one save at a time.
  function saveOrder() {
    saving = saving.then(async () => {
      try {
        await send('PUT', root.dataset.orderUrl, { ids: ids() })
      } catch (error) {
        showAlert(error.message)
        await refresh()
      }
    })
    return saving
  }

  function move(node, direction, button) {
    const sibling = direction === 'earlier' ? node.previousElementSibling : node.nextElementSibling
    if (!sibling) return
    list.insertBefore(node, direction === 'earlier' ? sibling : sibling.nextElementSibling)
    afterChange()
    const other = direction === 'earlier' ? 'later' : 'earlier'
    ;(button.disabled ? node.querySelector(`[data-media-action=${other}] button`) : button).focus()
    return saveOrder()
  }

  // The item forms, sent with fetch; the gallery is then read back from the server.
  root.addEventListener('submit', async (event) => {
    const form = event.target
    const action = form.dataset.mediaAction
    if (!action) return
    event.preventDefault()
    event.stopPropagation()
    showAlert('')
    const node = form.closest('[data-media-item]')
    if (action === 'earlier' || action === 'later') {
      return move(node, action, event.submitter ?? form.querySelector('button'))
    }
    if (action === 'delete' && !window.confirm(form.dataset.confirm)) return
    const url = new URL(form.action)
    const method = url.searchParams.get('_method') ?? 'POST'
    url.searchParams.delete('_method')
    try {
      await send(method, url, new URLSearchParams(new FormData(form)))
    } catch (error) {
      showAlert(error.message)
    }
    await refresh()
  })

  list.addEventListener('dragstart', (event) => {
    dragged = event.target.closest?.('[data-media-item]')
    if (!dragged) return
    orderBeforeDrag = ids().join()
    event.dataTransfer.effectAllowed = 'move'
    event.dataTransfer.setData('text/plain', dragged.dataset.id)
    dragged.classList.add('is-dragging')
  })
  list.addEventListener('dragover', (event) => {
    const target = event.target.closest?.('[data-media-item]')
    if (!dragged || !target) return
    event.preventDefault()
    if (target === dragged) return
    const box = target.getBoundingClientRect()
    const after = event.clientX > box.left + box.width / 2
    list.insertBefore(dragged, after ? target.nextElementSibling : target)
  })
  list.addEventListener('drop', (event) => {
    if (dragged) event.preventDefault()
  })
  list.addEventListener('dragend', () => {
    if (!dragged) return
    dragged.classList.remove('is-dragging')
    dragged = null
    afterChange()
    if (ids().join() !== orderBeforeDrag) saveOrder()
  })

  // The drop zone and the picker: several files at once, uploaded as soon as they are chosen.
  picker.multiple = true
  picker.required = false
  picker.addEventListener('change', () => {
    uploadAll([...picker.files])
    picker.value = ''
  })
  dropZone.addEventListener('dragover', (event) => {
    if (dragged || !event.dataTransfer.types.includes('Files')) return
    event.preventDefault()
    dropZone.classList.add('is-over')
  })
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('is-over'))
  dropZone.addEventListener('drop', (event) => {
    if (dragged || !event.dataTransfer.files.length) return
    event.preventDefault()
    dropZone.classList.remove('is-over')
    uploadAll([...event.dataTransfer.files])
  })

  for (const element of root.querySelectorAll('[data-media-without-js]')) element.hidden = true
  for (const element of root.querySelectorAll('[data-media-when-enhanced]')) element.hidden = false
  root.classList.add('is-enhanced')
  afterChange()
}

/** "1:05" for a video's duration, as the server formats it. */
function formatDuration(durationMs) {
  if (!durationMs) return ''
  const seconds = Math.round(durationMs / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
