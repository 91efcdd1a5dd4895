// Small glue around htmx: show server messages for refused requests (403/500) in the flash area.
function showFlash(xhr) {
  var flash = document.getElementById("flash");
  if (!flash) return;
  var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
  var alert = doc.querySelector(".alert");
  flash.innerHTML = "";
  if (alert) { flash.appendChild(alert); } else { flash.textContent = "Lỗi " + xhr.status; }
  setTimeout(function () { flash.innerHTML = ""; }, 8000);
}
document.addEventListener("htmx:responseError", function (event) { showFlash(event.detail.xhr); });
// A refused drag-and-drop move (409, 422) swaps nothing: show its message.
document.addEventListener("htmx:afterRequest", function (event) {
  var elt = event.detail.elt;
  if (elt && elt.matches && elt.matches("td[data-date]") && event.detail.xhr.status >= 400) {
    showFlash(event.detail.xhr);
  }
});

// Editors drag an air, print or recording date to another day of the month grid; the server
// checks the slot's version and answers "slotMoved", on which the grid reloads itself.
document.addEventListener("dragstart", function (event) {
  var chip = event.target.closest && event.target.closest("[data-move-url]");
  if (!chip) return;
  event.dataTransfer.setData("text/plain", JSON.stringify({
    url: chip.dataset.moveUrl, field: chip.dataset.field, version: chip.dataset.version,
  }));
});
document.addEventListener("dragover", function (event) {
  if (event.target.closest && event.target.closest("td[data-date]")) event.preventDefault();
});
document.addEventListener("drop", function (event) {
  var cell = event.target.closest && event.target.closest("td[data-date]");
  if (!cell) return;
  event.preventDefault();
  var move;
  try { move = JSON.parse(event.dataTransfer.getData("text/plain")); } catch (e) { return; }
  if (!move || !move.url) return;
  htmx.ajax("POST", move.url, {
    source: cell, swap: "none",
    values: { field: move.field, day: cell.dataset.date, version: move.version },
  });
});

// "+ Thêm người": one more blank staff row in a registration form (the server takes any number).
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-add-staff]");
  if (!button) return;
  var rows = button.parentElement.querySelectorAll(".staff-row");
  var last = rows[rows.length - 1];
  if (!last) return;
  var row = last.cloneNode(true);
  row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
  button.parentElement.insertBefore(row, button);
  row.querySelector("input").focus();
});

// The live search's results close on Escape or a click elsewhere.
function closeSearch() { var p = document.getElementById("search-popup"); if (p) p.innerHTML = ""; }
document.addEventListener("keydown", function (event) { if (event.key === "Escape") closeSearch(); });
document.addEventListener("input", function (event) {
  if (event.target.closest && event.target.closest(".searchbox") && event.target.value.trim().length < 2) closeSearch();
});
document.addEventListener("click", function (event) {
  if (!(event.target.closest && event.target.closest(".searchbox"))) closeSearch();
});

// A form with data-confirm asks before it is sent; a [data-print] button prints the page
// (no inline handlers: the Content-Security-Policy allows none).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) window.print();
});
// The live search asks only from two characters on (htmx's eval'd trigger filters are off
// under the CSP): a shorter query, or the box cleared by Escape, sends nothing.
document.addEventListener("htmx:beforeRequest", function (event) {
  var elt = event.detail.elt;
  if (elt && elt.name === "q" && elt.closest && elt.closest(".searchbox")
      && elt.value.trim().length < 2) {
    event.preventDefault();
  }
});

// The header menu folds behind one button on phones (the CSS hides it below 760 px).
document.addEventListener("click", function (event) {
  var toggle = event.target.closest && event.target.closest(".menu-toggle");
  if (!toggle) return;
  var open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  toggle.closest(".topbar").classList.toggle("open", open);
});
