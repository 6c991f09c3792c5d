// The document form shows the validity only for genres that carry one (规章, 规范性文件), and the
// reason and legal ground only when a document is not disclosed proactively. Without JavaScript
// every field stays visible and the server says which ones do not apply.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-validity-genres]");
    if (!form) { return; }
    var genres = form.getAttribute("data-validity-genres").split(" ");
    var genre = form.querySelector("select[name=genre]");
    var validity = form.querySelector("[data-validity]");
    var withheld = form.querySelector("[data-withheld]");
    function update() {
      if (genre && validity) {
        var shown = genres.indexOf(genre.value) !== -1 || form.querySelector("[data-validity] [role=alert]");
        validity.hidden = !shown;
        if (!shown) {  // a genre without a validity: nothing of it may be sent
          validity.querySelectorAll("select, input").forEach(function (field) { field.value = ""; });
        }
      }
      var chosen = form.querySelector("input[name=attribute]:checked");
      if (withheld) { withheld.hidden = !chosen || chosen.value === "proactive"; }
    }
    form.addEventListener("change", update);
    update();
  });
})();

// The body's small toolbar: wraps the selected text of the textarea in a tag the sanitiser keeps.
// Shown only with JavaScript; without it the body is typed as plain text or HTML.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var toolbar = document.querySelector("[data-body-toolbar]");
    if (!toolbar) { return; }
    var body = document.getElementById(toolbar.getAttribute("aria-controls"));
    if (!body) { return; }
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var tag = event.target.getAttribute("data-wrap");
      if (!tag) { return; }
      var start = body.selectionStart, end = body.selectionEnd, text = body.value;
      var open = tag === "li" ? "<ul><li>" : "<" + tag + ">";
      var close = tag === "li" ? "</li></ul>" : "</" + tag + ">";
      body.value = text.slice(0, start) + open + text.slice(start, end) + close + text.slice(end);
      body.focus();
      body.setSelectionRange(start + open.length, end + open.length);
    });
  });
})();
