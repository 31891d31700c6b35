// Rights picker: search the rights, and see the rights of the chosen risk category first.
// Progressive enhancement: without this script the checkboxes work as they are.
(function () {
  "use strict";

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Texts come from the template (data-text-*), translated there; English if absent.
  function text(picker, key, fallback, values) {
    var template = picker.dataset[key] || fallback;
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  function enhance(picker) {
    var categoryRights = {};
    try { categoryRights = JSON.parse(picker.dataset.categoryRights || "{}"); } catch (e) { return; }
    var rows = Array.prototype.slice.call(picker.querySelectorAll(".right-option"));
    var home = new Map(rows.map(function (row) { return [row, row.parentNode]; }));
    var next = new Map(rows.map(function (row) { return [row, row.nextSibling]; }));

    var search = document.createElement("input");
    search.type = "search";
    search.id = picker.id + "-search";
    search.setAttribute("aria-controls", picker.id);
    var label = document.createElement("label");
    label.htmlFor = search.id;
    label.textContent = text(picker, "textSearch", "Search the rights");
    var status = document.createElement("p");
    status.className = "muted";
    status.setAttribute("role", "status");

    var suggested = document.createElement("fieldset");
    suggested.className = "suggested-rights";
    var legend = document.createElement("legend");
    legend.textContent = text(picker, "textSuggested", "Rights of the chosen risk category");
    suggested.appendChild(legend);
    suggested.hidden = true;

    var showAll = false;
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "btn secondary";
    toggle.setAttribute("aria-controls", picker.id);
    toggle.setAttribute("aria-expanded", "false");
    var total = { total: rows.length };
    toggle.textContent = text(picker, "textShowAll", "Show all {total} rights", total);
    toggle.addEventListener("click", function () {
      showAll = !showAll;
      toggle.setAttribute("aria-expanded", String(showAll));
      toggle.textContent = showAll
        ? text(picker, "textShowFewer", "Show only suggested and ticked rights")
        : text(picker, "textShowAll", "Show all {total} rights", total);
      filter();
    });

    picker.insertBefore(suggested, picker.firstChild);
    picker.parentNode.insertBefore(label, picker);
    picker.parentNode.insertBefore(search, picker);
    picker.parentNode.insertBefore(status, picker);
    picker.parentNode.insertBefore(toggle, picker);

    function valueOf(row) { var box = row.querySelector("input"); return box ? box.value : ""; }

    function regroup() {
      var select = document.getElementById("id_risk_category");
      var wanted = (select && categoryRights[select.value]) || [];
      rows.forEach(function (row) {  // put every row back where it was, in order
        var before = next.get(row);
        home.get(row).insertBefore(row, before && before.parentNode === home.get(row) ? before : null);
      });
      rows.filter(function (row) { return wanted.indexOf(valueOf(row)) >= 0; })
        .forEach(function (row) { suggested.appendChild(row); });
      suggested.hidden = wanted.length === 0;
      filter();
    }

    function filter() {
      var query = fold(search.value.trim());
      var shown = 0;
      rows.forEach(function (row) {
        var box = row.querySelector("input");
        // Shown: ticked rights always; then search matches, or else the category's rights,
        // or every right once "Show all" is pressed.
        var match = (box && box.checked) ||
          (query ? fold(row.textContent).indexOf(query) >= 0
                 : showAll || row.parentNode === suggested);
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      picker.querySelectorAll("fieldset").forEach(function (set) {
        set.hidden = !set.querySelector(".right-option:not([hidden])");
      });
      var ticked = picker.querySelectorAll("input:checked").length;
      status.textContent = text(picker, "textStatus", "{shown} of {total} rights shown · {ticked} ticked",
        { shown: shown, total: rows.length, ticked: ticked });
    }

    search.addEventListener("input", filter);
    picker.addEventListener("change", filter);
    var select = document.getElementById("id_risk_category");
    if (select) { select.addEventListener("change", regroup); }
    regroup();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-rights-picker]").forEach(enhance);
  });
}());
