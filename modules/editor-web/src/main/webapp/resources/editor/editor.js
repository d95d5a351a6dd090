/* The editor's own behaviour, all of it optional: every screen works without it. */
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  ready(init);

  function init() {
    enhanceUpload(document.querySelector('form[data-progress]'));
    enhanceRichText(document.getElementById('rich-text-labels'));

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

    // What is typed is kept aside every little while (no revision: the server offers it back when
    // the item is opened again). The post is the form's own, so it carries its token and nonce; the
    // view's state it answers with is the one the form's next post must name.
    var autosaveButton = document.getElementById('item:autosave');
    var every = parseInt(form.getAttribute('data-autosave'), 10);
    if (autosaveButton && every > 0 && window.FormData && window.DOMParser && window.fetch) {
      var changed = false;
      form.addEventListener('input', function () { changed = true; });
      form.addEventListener('change', function () { changed = true; });
      var autosave = function () {
        if (!changed) { return Promise.resolve(false); }
        changed = false;
        var data = new FormData(form);
        data.append(autosaveButton.name, autosaveButton.value);
        return fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (html) {
            var doc = new DOMParser().parseFromString(html, 'text/html');
            var state = doc.querySelector('input[name="jakarta.faces.ViewState"]');
            if (state) {
              Array.prototype.forEach.call(document.querySelectorAll('input[name="jakarta.faces.ViewState"]'),
                function (input) { input.value = state.value; });
            }
            var said = doc.getElementById('autosave-status');
            if (said) { document.getElementById('autosave-status').textContent = said.textContent; }
            return true;
          }, function () { changed = true; return false; });
      };
      setInterval(autosave, every * 1000);
      window.Civitas = window.Civitas || {};
      window.Civitas.autosave = autosave;
    }

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
  }

  // Rich text: each rich-text textarea gets a formatting toolbar and an editable area that writes
  // its HTML back into the textarea (what the form posts; the core sanitizes it on save). Without
  // this, or with the toolbar's HTML button, the HTML is edited in the textarea itself.
  function enhanceRichText(labels) {
    if (!labels || !document.execCommand) { return; }
    var commands = [
      ['bold', 'B', function () { document.execCommand('bold'); }],
      ['italic', 'I', function () { document.execCommand('italic'); }],
      ['h2', 'H2', function () { document.execCommand('formatBlock', false, 'h2'); }],
      ['h3', 'H3', function () { document.execCommand('formatBlock', false, 'h3'); }],
      ['paragraph', '¶', function () { document.execCommand('formatBlock', false, 'p'); }],
      ['bullets', '•', function () { document.execCommand('insertUnorderedList'); }],
      ['numbers', '1.', function () { document.execCommand('insertOrderedList'); }],
      ['link', null, function () {
        var url = window.prompt(labels.getAttribute('data-link-prompt'), 'https://');
        if (url && /^(https?:|mailto:|tel:|\/)/i.test(url)) { document.execCommand('createLink', false, url); }
      }],
      ['unlink', null, function () { document.execCommand('unlink'); }]
    ];
    Array.prototype.forEach.call(document.querySelectorAll('textarea.rich-text:not([data-enhanced])'), function (area) {
      area.setAttribute('data-enhanced', 'true');
      var label = document.querySelector('label[for="' + area.id + '"]');
      var name = label ? label.textContent.trim() : area.id;
      var box = document.createElement('div');
      box.className = 'rich-editor';
      var bar = document.createElement('div');
      bar.setAttribute('role', 'toolbar');
      bar.setAttribute('aria-label', labels.getAttribute('data-toolbar') + ' ' + name);
      var editable = document.createElement('div');
      editable.id = area.id + '-rich';
      editable.className = 'rich-area';
      editable.contentEditable = 'true';
      editable.setAttribute('role', 'textbox');
      editable.setAttribute('aria-multiline', 'true');
      editable.setAttribute('aria-label', name);
      if (area.getAttribute('aria-describedby')) { editable.setAttribute('aria-describedby', area.getAttribute('aria-describedby')); }
      if (area.getAttribute('aria-invalid') === 'true') { editable.setAttribute('aria-invalid', 'true'); }
      if (area.lang) { editable.lang = area.lang; }
      editable.innerHTML = area.value;
      var sync = function () { area.value = editable.innerHTML; };
      editable.addEventListener('input', sync);
      var buttons = [];
      commands.forEach(function (c) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'rich-button';
        b.id = area.id + '-' + c[0];
        b.textContent = c[1] || labels.getAttribute('data-' + c[0]);
        b.setAttribute('aria-label', labels.getAttribute('data-' + c[0]));
        b.title = labels.getAttribute('data-' + c[0]);
        b.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the selection
        b.addEventListener('click', function () {
          editable.focus();
          c[2]();
          sync();
          area.dispatchEvent(new Event('input', { bubbles: true }));
        });
        buttons.push(b);
        bar.appendChild(b);
      });
      var source = document.createElement('button');
      source.type = 'button';
      source.className = 'rich-button';
      source.id = area.id + '-source';
      source.textContent = 'HTML';
      source.setAttribute('aria-label', labels.getAttribute('data-source'));
      source.setAttribute('aria-pressed', 'false');
      source.addEventListener('click', function () {
        var showing = source.getAttribute('aria-pressed') === 'true';
        if (showing) { editable.innerHTML = area.value; } else { sync(); }
        source.setAttribute('aria-pressed', showing ? 'false' : 'true');
        area.hidden = showing;
        editable.hidden = !showing;
        buttons.forEach(function (b) { if (b !== source) { b.disabled = !showing; } });
        (showing ? editable : area).focus();
      });
      buttons.push(source);
      bar.appendChild(source);
      // one tab stop for the toolbar; the arrow keys move along it
      buttons.forEach(function (b, i) {
        b.tabIndex = i === 0 ? 0 : -1;
        b.addEventListener('keydown', function (e) {
          var step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) { return; }
          e.preventDefault();
          var at = i;
          do { at = (at + step + buttons.length) % buttons.length; } while (buttons[at].disabled && at !== i);
          var next = buttons[at];
          b.tabIndex = -1;
          next.tabIndex = 0;
          next.focus();
        });
      });
      area.hidden = true;
      area.parentNode.insertBefore(box, area);
      box.appendChild(bar);
      box.appendChild(editable);
      box.appendChild(area);
      if (label) { label.addEventListener('click', function () { if (area.hidden) { editable.focus(); } }); }
    });
  }

  // The media upload: files may also be dropped on the form, and the sending shows its progress.
  // Without this the form posts as it is; the answer is the same page either way, and its main
  // part replaces this one.
  function enhanceUpload(form) {
    if (!form || !window.FormData || !window.DOMParser) { return; }
    var input = form.querySelector('input[type=file]');
    var zone = form.querySelector('.drop-zone');
    var bar = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    zone.hidden = false;
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add('drop-target'); });
    });
    zone.addEventListener('dragleave', function () { zone.classList.remove('drop-target'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('drop-target');
      if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
      input.files = e.dataTransfer.files;
      status.textContent = form.getAttribute('data-chosen') + ' ' +
        Array.prototype.map.call(input.files, function (f) { return f.name; }).join(', ');
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var data = new FormData(form);
      if (e.submitter && e.submitter.name) { data.append(e.submitter.name, e.submitter.value); }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      bar.hidden = false;
      bar.value = 0;
      xhr.upload.addEventListener('progress', function (p) {
        if (p.lengthComputable) {
          bar.max = p.total;
          bar.value = p.loaded;
          status.textContent = form.getAttribute('data-sending') + ' ' + Math.round(100 * p.loaded / p.total) + '%';
        }
      });
      xhr.addEventListener('load', function () {
        var main = xhr.status === 200 &&
          new DOMParser().parseFromString(xhr.responseText, 'text/html').querySelector('main');
        if (!main) { failed(xhr.status); return; }
        document.querySelector('main').replaceWith(document.adoptNode(main));
        init();
        var results = document.getElementById('media-results');
        if (results) { results.setAttribute('tabindex', '-1'); results.focus(); }
      });
      xhr.addEventListener('error', function () { failed(0); });
      xhr.send(data);
    });
    function failed(code) {
      bar.hidden = true;
      status.textContent = form.getAttribute('data-failed') + (code ? ' (HTTP ' + code + ')' : '');
    }
  }
})();
