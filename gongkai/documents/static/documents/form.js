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
