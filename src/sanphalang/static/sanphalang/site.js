/* The small behaviours of every page, wired from data- attributes: the Content-Security-Policy allows no inline
 * script, so no onclick=, onsubmit= or <script> blocks in the templates.
 *  - [data-toggles-menu]: the narrow-screen menu button opens and closes #main-nav;
 *  - select[data-submits-form]: choosing a value sends its form (the language switch);
 *  - form[data-confirm]: asks the question before the form is sent (removing a record);
 *  - datalist#area-options[data-options-url]: the area-code box asks HTMX for matching areas as the user types;
 *  - [data-width-percent]: a progress bar's width;
 *  - .table-responsive: a table wider than the screen scrolls in its box, which keyboard users then reach with Tab
 *    to scroll it (when nothing in it takes the focus), named by the table's caption. */
(function () {
  'use strict'

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-toggles-menu]')
    if (!button) { return }
    var menu = document.getElementById('main-nav')
    menu.classList.toggle('show')
    button.setAttribute('aria-expanded', menu.classList.contains('show'))
  })

  document.addEventListener('change', function (event) {
    if (event.target.matches('select[data-submits-form]')) { event.target.form.submit() }
  })

  document.addEventListener('submit', function (event) {
    var form = event.target
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { event.preventDefault() }
  })

  function wireAreaOptions() {
    var options = document.getElementById('area-options')
    var input = document.getElementById('id_area_code')
    if (!options || !options.dataset.optionsUrl || !input || !window.htmx) { return }
    input.setAttribute('hx-get', options.dataset.optionsUrl)
    input.setAttribute('hx-trigger', 'input changed delay:300ms')
    input.setAttribute('hx-target', '#area-options')
    input.setAttribute('hx-swap', 'innerHTML')
    window.htmx.process(input)
  }

  function setWidths() {
    document.querySelectorAll('[data-width-percent]').forEach(function (bar) {
      bar.style.width = bar.dataset.widthPercent + '%'
    })
  }

  var FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]'

  function letScrollingTablesTakeFocus() {
    document.querySelectorAll('.table-responsive').forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1
      var added = box.hasAttribute('data-focus-for-scrolling')
      if (scrolls && !added && !box.hasAttribute('tabindex') && !box.querySelector(FOCUSABLE)) {
        box.setAttribute('tabindex', '0')
        box.setAttribute('data-focus-for-scrolling', '')
        var caption = box.querySelector('caption')
        if (caption) {
          if (!caption.id) caption.id = 'table-caption-' + Math.random().toString(36).slice(2)
          box.setAttribute('role', 'region')
          box.setAttribute('aria-labelledby', caption.id)
        }
      } else if (!scrolls && added) {
        ['tabindex', 'data-focus-for-scrolling', 'role', 'aria-labelledby'].forEach(function (name) {
          box.removeAttribute(name)
        })
      }
    })
  }

  var resizing = null
  window.addEventListener('resize', function () {
    window.clearTimeout(resizing)
    resizing = window.setTimeout(letScrollingTablesTakeFocus, 200)
  })
  document.addEventListener('htmx:afterSettle', letScrollingTablesTakeFocus)

  document.addEventListener('DOMContentLoaded', function () {
    wireAreaOptions()
    setWidths()
    letScrollingTablesTakeFocus()
  })
})()
