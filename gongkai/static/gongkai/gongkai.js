// Large-text mode (适老化): remembered per browser, applied before the first paint where possible.
(function () {
  var KEY = "gongkai-large-text";
  function apply(on) {
    document.documentElement.classList.toggle("large-text", on);
    document.querySelectorAll("[data-toggle-large-text]").forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  var stored = false;
  try { stored = localStorage.getItem(KEY) === "1"; } catch (e) {}
  document.documentElement.classList.toggle("large-text", stored);
  document.addEventListener("DOMContentLoaded", function () {
    apply(stored);
    document.querySelectorAll("[data-toggle-large-text]").forEach(function (b) {
      b.addEventListener("click", function () {
        stored = !stored;
        try { localStorage.setItem(KEY, stored ? "1" : "0"); } catch (e) {}
        apply(stored);
      });
    });
  });
})();
