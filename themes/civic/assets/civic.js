/* civic: display tools, the menus and the carousel. Every page works without this file. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };
  var SIZES = ["small", "medium", "large"];

  // Settings apply before first paint of the content where possible (the script is deferred).
  function applyFontSize(size) {
    SIZES.forEach(function (s) { root.classList.toggle("font-" + s, s === size); });
  }
  function applyContrast(on) { root.classList.toggle("high-contrast", on); }
  applyFontSize(SIZES.indexOf(store.get("civic.fontSize")) >= 0 ? store.get("civic.fontSize") : "medium");
  applyContrast(store.get("civic.contrast") === "high");

  function displayTools() {
    document.querySelectorAll("[data-display-tools]").forEach(function (tools) {
      var sizeButtons = tools.querySelectorAll("[data-font-size]");
      var contrast = tools.querySelector("[data-contrast]");
      function sync() {
        sizeButtons.forEach(function (b) {
          b.setAttribute("aria-pressed", String(root.classList.contains("font-" + b.getAttribute("data-font-size"))));
        });
        if (contrast) {
          contrast.setAttribute("aria-pressed", String(root.classList.contains("high-contrast")));
        }
      }
      sizeButtons.forEach(function (b) {
        b.addEventListener("click", function () {
          var size = b.getAttribute("data-font-size");
          applyFontSize(size);
          store.set("civic.fontSize", size);
          sync();
        });
      });
      if (contrast) {
        contrast.addEventListener("click", function () {
          var on = !root.classList.contains("high-contrast");
          applyContrast(on);
          store.set("civic.contrast", on ? "high" : "normal");
          sync();
        });
      }
      sync();
      tools.hidden = false;
    });
  }

  function mainNav() {
    var nav = document.querySelector(".main-nav");
    if (!nav) { return; }
    var toggle = nav.querySelector(".nav-toggle");
    if (toggle) {
      toggle.hidden = false; // CSS hides it on wide screens, where the menu is a bar
      toggle.setAttribute("aria-expanded", "false");
      toggle.addEventListener("click", function () {
        toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
      });
      // on a phone, Escape closes the open menu (a submenu's own Escape comes first)
      nav.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && !e.defaultPrevented && toggle.offsetParent !== null && toggle.getAttribute("aria-expanded") === "true") {
          toggle.setAttribute("aria-expanded", "false");
          toggle.focus();
        }
      });
    }
    var items = nav.querySelectorAll(".has-submenu");
    function close(item, returnFocus) {
      var button = item.querySelector(".submenu-toggle");
      if (button) { button.setAttribute("aria-expanded", "false"); }
      // hover and focus inside would keep it open: dismissed until the pointer or focus leaves
      item.classList.add("is-dismissed");
      if (returnFocus && button) { button.focus(); }
    }
    items.forEach(function (item) {
      var button = item.querySelector(".submenu-toggle");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        items.forEach(function (other) { if (other !== item) { close(other, false); } });
        button.setAttribute("aria-expanded", String(open));
        item.classList.toggle("is-dismissed", !open);
      });
      item.addEventListener("keydown", function (e) {
        var links = Array.prototype.slice.call(item.querySelectorAll(".submenu a"));
        var at = links.indexOf(document.activeElement);
        var submenu = item.querySelector(".submenu");
        if (e.key === "Escape" && submenu && window.getComputedStyle(submenu).display !== "none") {
          e.preventDefault();
          close(item, true);
        } else if (e.key === "ArrowDown" && document.activeElement === button) {
          e.preventDefault();
          button.setAttribute("aria-expanded", "true");
          item.classList.remove("is-dismissed");
          if (links[0]) { links[0].focus(); }
        } else if (at >= 0 && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
          e.preventDefault();
          links[(at + (e.key === "ArrowDown" ? 1 : links.length - 1)) % links.length].focus();
        }
      });
      item.addEventListener("focusout", function (e) {
        if (!item.contains(e.relatedTarget)) {
          button.setAttribute("aria-expanded", "false");
          item.classList.remove("is-dismissed");
        }
      });
      item.addEventListener("mouseleave", function () {
        if (!item.contains(document.activeElement)) { item.classList.remove("is-dismissed"); }
      });
    });
    // Escape also hides a dropdown that only the pointer opened (WCAG 1.4.13: dismissible)
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") { return; }
      items.forEach(function (item) {
        if (item.matches(":hover") && !item.contains(document.activeElement)) { item.classList.add("is-dismissed"); }
      });
    });
    // a pointer press outside closes an open dropdown
    document.addEventListener("click", function (e) {
      items.forEach(function (item) { if (!item.contains(e.target)) { close(item, false); item.classList.remove("is-dismissed"); } });
    });
  }

  // WAI-ARIA APG carousel: controls first, one slide shown, rotation only while nobody reads it.
  function carousels() {
    var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
    document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
      var slides = carousel.querySelectorAll(".carousel-slide");
      var list = carousel.querySelector(".carousel-slides");
      var controls = carousel.querySelector("[data-carousel-controls]");
      if (slides.length < 2 || !list || !controls) { return; }
      var pause = controls.querySelector("[data-carousel-pause]");
      var prev = controls.querySelector("[data-carousel-prev]");
      var next = controls.querySelector("[data-carousel-next]");
      var pauseLabel = (pause && pause.getAttribute("data-label-pause")) || (pause ? pause.textContent : "");
      var playLabel = (pause && pause.getAttribute("data-label-play")) || (root.lang.indexOf("en") === 0 ? "Start rotation" : "繼續輪播");
      if (pause) { pause.removeAttribute("aria-pressed"); }
      var current = 0;
      var stoppedByUser = reduced.matches;
      var hovered = false;
      var focused = false;
      var timer = null;

      function show(index) {
        current = (index + slides.length) % slides.length;
        slides.forEach(function (s, i) {
          s.classList.toggle("is-current", i === current);
          s.setAttribute("aria-hidden", String(i !== current));
        });
      }
      function rotating() { return !stoppedByUser && !hovered && !focused && !reduced.matches; }
      function update() {
        // APG: the label says what the button does; a toggle state on top of it would contradict it
        if (pause) { pause.textContent = stoppedByUser ? playLabel : pauseLabel; }
        carousel.classList.toggle("is-paused", stoppedByUser);
        list.setAttribute("aria-live", rotating() ? "off" : "polite");
        window.clearInterval(timer);
        timer = rotating() ? window.setInterval(function () { show(current + 1); }, 6000) : null;
      }
      if (pause) {
        pause.addEventListener("click", function () { stoppedByUser = !stoppedByUser; update(); });
      }
      if (prev) { prev.addEventListener("click", function () { show(current - 1); }); }
      if (next) { next.addEventListener("click", function () { show(current + 1); }); }
      carousel.addEventListener("mouseenter", function () { hovered = true; update(); });
      carousel.addEventListener("mouseleave", function () { hovered = false; update(); });
      carousel.addEventListener("focusin", function () { focused = true; update(); });
      carousel.addEventListener("focusout", function (e) {
        if (!carousel.contains(e.relatedTarget)) { focused = false; update(); }
      });
      if (reduced.addEventListener) { reduced.addEventListener("change", update); }
      controls.hidden = false;
      carousel.setAttribute("data-carousel-ready", "");
      show(0);
      update();
    });
  }

  // A map module lists its address and a link out; with JS the embedded map is added above them.
  function maps() {
    document.querySelectorAll("[data-map][data-embed]").forEach(function (map) {
      var src = map.getAttribute("data-embed");
      if (!/^https:\/\//.test(src) || map.querySelector("iframe")) { return; }
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = map.getAttribute("data-title") || "";
      frame.loading = "lazy";
      frame.referrerPolicy = "no-referrer";
      map.insertBefore(frame, map.firstChild);
    });
  }

  function start() {
    displayTools();
    mainNav();
    carousels();
    maps();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
