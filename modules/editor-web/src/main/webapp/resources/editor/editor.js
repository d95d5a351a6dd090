/* The editor's own behaviour, all of it optional: every screen works without it. */
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  ready(function () {
    // A form with messages: focus the summary, so that a screen reader reads what to fix first.
    var summary = document.getElementById('error-summary') || document.getElementById('conflict');
    if (summary) {
      summary.setAttribute('tabindex', '-1');
      summary.focus();
    }

    // After a move in the menu, the focus stays on the button that moved the entry.
    var focused = document.querySelector('form[data-focus]');
    if (focused && focused.getAttribute('data-focus')) {
      var target = document.getElementById(focused.getAttribute('data-focus'));
      if (target) { target.focus(); }
    }

    // Menu rows are dragged onto another row; the drop posts the same move the buttons make.
    var rows = document.querySelectorAll('tr[draggable][data-row]');
    var from = null;
    Array.prototype.forEach.call(rows, function (row) {
      row.addEventListener('dragstart', function (e) {
        from = row.getAttribute('data-row');
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', from);
      });
      row.addEventListener('dragover', function (e) { e.preventDefault(); row.classList.add('drop-target'); });
      row.addEventListener('dragleave', function () { row.classList.remove('drop-target'); });
      row.addEventListener('drop', function (e) {
        e.preventDefault();
        if (from === null) { return; }
        document.getElementById('m-drag-from').value = from;
        document.getElementById('m-drag-to').value = row.getAttribute('data-row');
        document.getElementById('menu-form:drop').click();
      });
    });

    // The item form warns before its page is left with unsaved changes (not when it is saved).
    var form = document.getElementById('item');
    if (!form) { return; }
    var dirty = summary !== null; // refused or in conflict: what is shown is not saved
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function () { dirty = true; });
    form.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (e) {
      if (dirty) {
        e.preventDefault();
        e.returnValue = '';
      }
    });

    // A new item's slug is suggested from its English title until the author types one.
    var slug = document.getElementById('item:slug');
    var title = document.getElementById('f-title-en');
    if (slug && title) {
      var typed = slug.value !== '';
      slug.addEventListener('input', function () { typed = slug.value !== ''; });
      title.addEventListener('input', function () {
        if (!typed) {
          slug.value = title.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
        }
      });
    }
  });
})();
