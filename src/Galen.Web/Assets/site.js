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
    // Passkeys: the form asks the server for options (its action + "/options", with the form's own fields and
    // antiforgery token), lets the browser create or use the passkey, and sends the result in the form's
    // "credential" field. Registered before the double-click guard so that the guard sees the cancelled submit.
    document.querySelectorAll("form[data-passkey]").forEach(function (form) {
      var credential = form.querySelector("input[name=credential]");
      var status = form.querySelector("[data-passkey-status]");
      var create = form.getAttribute("data-passkey") === "create";
      form.addEventListener("submit", function (event) {
        if (credential.value) { return; }
        event.preventDefault();
        var supported = window.PublicKeyCredential && (create ? PublicKeyCredential.parseCreationOptionsFromJSON : PublicKeyCredential.parseRequestOptionsFromJSON);
        if (!supported) { status.textContent = "This browser cannot use passkeys."; return; }
        status.textContent = "";
        fetch(form.getAttribute("action") + "/options", { method: "POST", body: new FormData(form), credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) { throw new Error("the server answered " + response.status + "; reload the page and try again"); }
            return response.json();
          })
          .then(function (options) {
            return create
              ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
              : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
          })
          .then(function (result) {
            credential.value = JSON.stringify(result);
            form.submit();
          })
          .catch(function (error) {
            status.textContent = "No passkey was " + (create ? "added" : "used") + ": " + (error && error.message ? error.message : "the browser gave up") + ".";
          });
      });
    });
    // A form sent once is not sent twice by a double click.
    document.querySelectorAll("form[method=post]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (event.defaultPrevented) { return; }
        var button = form.querySelector("button[type=submit]");
        if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
      });
    });
  });
})();
