// Enhancements only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    // The wording switch applies as soon as a choice is made.
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.addEventListener("change", function () { form.submit(); });
      });
    });
    // Following a citation moves keyboard focus to the reference it names.
    document.querySelectorAll("a.cite").forEach(function (link) {
      link.addEventListener("click", function () {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (target) { window.setTimeout(function () { target.focus({ preventScroll: true }); }, 0); }
      });
    });
    // A printed article shows its folded sections.
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.collapsible").forEach(function (d) { d.open = true; });
    });
    // A form sent once is not sent twice by a double click.
    document.querySelectorAll("form[method=post]").forEach(function (form) {
      form.addEventListener("submit", function () {
        var button = form.querySelector("button[type=submit]");
        if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
      });
    });
  });
})();
