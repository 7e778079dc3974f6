/* The review of a report's draft (the Content-Security-Policy allows no inline script): pointing at or focusing a
 * field marks the passage of the report it was read from, and scrolls the report to it; pointing at a marked passage
 * marks the fields read from it. A key "person-2" marks passages of "person-2"; a key "resolution" every resolution. */
(function () {
  'use strict'

  function covers (fields, key) {
    return fields.split(' ').some(function (field) {
      return field === key || field.indexOf(key + '-') === 0
    })
  }

  function show (key) {
    var first = null
    document.querySelectorAll('mark.passage').forEach(function (mark) {
      var on = Boolean(key) && covers(mark.dataset.fields, key)
      mark.classList.toggle('passage-active', on)
      if (on && !first) { first = mark }
    })
    var box = document.getElementById('report-text')
    if (first && box) {
      box.scrollTop = first.offsetTop - box.offsetTop - box.clientHeight / 3
    }
  }

  function passageOf (target) {
    var holder = target.closest && target.closest('[data-passage]')
    return holder ? holder.dataset.passage : null
  }

  document.addEventListener('focusin', function (event) {
    var key = passageOf(event.target)
    if (key) { show(key) }
  })
  document.addEventListener('mouseover', function (event) {
    var key = passageOf(event.target)
    if (key) { show(key); return }
    var mark = event.target.closest && event.target.closest('mark.passage')
    document.querySelectorAll('[data-passage].passage-active').forEach(function (field) {
      field.classList.remove('passage-active')
    })
    if (!mark) { return }
    document.querySelectorAll('[data-passage]').forEach(function (field) {
      if (covers(mark.dataset.fields, field.dataset.passage)) { field.classList.add('passage-active') }
    })
  })
})()
