// The application form: show the fields of a natural person or of an organisation, as the applicant
// type says. Without this script both groups stay visible (each says who fills it in) and the server
// checks the right ones. Also: a print button for the receipt, shown only where it can work.
(function () {
  // The documents that identify each kind of applicant (as gongkai/foi/application_forms.py checks).
  var DOCUMENTS = {person: ["resident_id", "passport", "hmt_permit", "other"], organisation: ["credit_code", "other"]};

  function kindOf(form) {
    var checked = form.querySelector("input[name=applicant_type]:checked");
    return !checked ? "" : (checked.value === "natural_person" ? "person" : "organisation");
  }
  function update(form) {
    var kind = kindOf(form);
    form.querySelectorAll("[data-applicant]").forEach(function (group) {
      group.hidden = kind !== "" && group.getAttribute("data-applicant") !== kind;
    });
  }
  function fitDocument(form) {
    var kind = kindOf(form), select = form.querySelector("select[name=id_type]");
    if (kind && select && DOCUMENTS[kind].indexOf(select.value) === -1) { select.value = DOCUMENTS[kind][0]; }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-application-form]").forEach(function (form) {
      update(form);
      form.addEventListener("change", function (event) {
        if (event.target.name === "applicant_type") { update(form); fitDocument(form); }
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
