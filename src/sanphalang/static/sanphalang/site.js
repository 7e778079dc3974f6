/* The small behaviours of every page, wired from data- attributes: the Content-Security-Policy allows no inline
 * script, so no onclick=, onsubmit= or <script> blocks in the templates.
 *  - [data-toggles-menu]: the narrow-screen menu button opens and closes #main-nav;
 *  - select[data-submits-form]: choosing a value sends its form (the language switch);
 *  - form[data-confirm]: asks the question before the form is sent (removing a record);
 *  - datalist#area-options[data-options-url]: the area-code box asks HTMX for matching areas as the user types;
 *  - [data-width-percent]: a progress bar's width. */
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

  document.addEventListener('DOMContentLoaded', function () {
    wireAreaOptions()
    setWidths()
  })
})()
