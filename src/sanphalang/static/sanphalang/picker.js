/* Keyboard and screen-reader help for the pickers of web/pickers.py, on top of django-autocomplete-light's web
 * component (dal_alight/autocomplete-light.js), which already handles typing, the arrow keys, Enter and Escape:
 *  - a chosen record's remove mark (×) becomes a button reached with Tab and named "Remove <field>: <name>";
 *  - choosing a record in a one-record picker hides its search box, so the focus moves to that button, and
 *    removing the record brings the focus back to the search box;
 *  - the search box tells screen readers which suggestion the arrow keys have reached;
 *  - leaving a search box before its suggestions arrive (tabbing through the form) cancels them, or they would
 *    open under a field the user has left;
 *  - a search box whose suggestions were never opened has no highlighted suggestion, rather than throwing when
 *    asked: the component's `selected` reads a box it makes only when it first opens, and accessibility checkers
 *    (and assistive technology) read `selected` of every element. */
(function () {
  'use strict'

  function guardSelected(tagName) {
    var component = window.customElements && window.customElements.get(tagName)
    if (!component) return
    for (var proto = component.prototype; proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto)) {
      var property = Object.getOwnPropertyDescriptor(proto, 'selected')
      if (property && property.get) {
        Object.defineProperty(proto, 'selected', {
          configurable: true,
          get: function () { return this.box ? property.get.call(this) : document.createDocumentFragment().childNodes }
        })
        return
      }
    }
  }
  guardSelected('autocomplete-select-input')

  var counter = 0

  function newId(prefix) {
    counter += 1
    return prefix + counter
  }

  function chosenName(item) {
    var copy = item.cloneNode(true)
    copy.querySelectorAll('.clear').forEach(function (mark) { mark.remove() })
    return copy.textContent.trim()
  }

  function fieldName(picker) {
    var search = picker.querySelector('[slot=input] input')
    var label = search && search.id && document.querySelector('label[for="' + search.id + '"]')
    return label ? ' ' + label.textContent.replace('*', '').trim() : ''
  }

  function makeRemoveButton(mark) {
    var picker = mark.closest('autocomplete-select')
    if (!picker || mark.hasAttribute('role')) return
    mark.setAttribute('role', 'button')
    mark.setAttribute('tabindex', '0')
    mark.setAttribute('aria-label', (picker.dataset.removeLabel || 'Remove') + fieldName(picker) + ': ' +
                      chosenName(mark.parentNode))
    mark.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault()
        mark.click()
      }
    })
  }

  function makeRemoveButtonsIn(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return
    if (node.matches('.clear')) makeRemoveButton(node)
    node.querySelectorAll('.clear').forEach(makeRemoveButton)
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) { change.addedNodes.forEach(makeRemoveButtonsIn) })
  }).observe(document.body, {childList: true, subtree: true})
  makeRemoveButtonsIn(document.body)

  // The component announces a choice or a removal with a change event of its select.
  document.addEventListener('change', function (ev) {
    var picker = ev.target.closest && ev.target.closest('autocomplete-select')
    if (!picker || ev.target.getAttribute('slot') !== 'select') return
    var search = picker.querySelector('[slot=input] input')
    makeRemoveButtonsIn(picker)
    if (search.hidden) {
      var marks = picker.querySelectorAll('[slot=deck] .clear')
      if (marks.length) marks[marks.length - 1].focus()
    } else if (!document.activeElement || document.activeElement === document.body) {
      search.focus()
    }
  })

  function showHighlighted(host, search) {
    var box = host.box
    if (!box) return
    if (!box.id) box.id = newId('picker-suggestions-')
    search.setAttribute('aria-controls', box.id)
    var highlighted = box.querySelector('.hilight')
    if (highlighted) {
      if (!highlighted.id) highlighted.id = newId('picker-suggestion-')
      search.setAttribute('aria-activedescendant', highlighted.id)
    } else {
      search.removeAttribute('aria-activedescendant')
    }
  }

  // Captured before the component's own handler, which stops the arrow keys; read the highlight after it ran.
  document.addEventListener('keydown', function (ev) {
    var host = ev.target.closest && ev.target.closest('autocomplete-select-input')
    if (!host) return
    setTimeout(function () { showHighlighted(host, ev.target) }, 0)
  }, true)
  document.addEventListener('focusout', function (ev) {
    var host = ev.target.closest && ev.target.closest('autocomplete-select-input')
    if (!host) return
    if (host.timeoutId) window.clearTimeout(host.timeoutId)
    if (host.xhr && host.xhr.readyState !== 4) host.xhr.abort()
    host.removeAttribute('loading')
  }, true)
  document.addEventListener('input', function (ev) {
    if (ev.target.closest && ev.target.closest('autocomplete-select-input')) {
      ev.target.removeAttribute('aria-activedescendant')
    }
  }, true)
})()
