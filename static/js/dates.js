// Days are typed day first (dd/mm/yyyy) whatever the browser's language. Each text box marked
// data-day gets a picker button (the browser's own calendar, used only to choose; the box keeps
// dd/mm/yyyy) and an echo of the typed day in words ("Thứ Năm, 10/12/2026") before saving.
(function () {
  var words = document.querySelector('meta[name="day-words"]');
  var weekdays = words ? words.content.split("|") : [];
  var invalid = words ? words.dataset.invalid : "";
  var pickLabel = words ? words.dataset.pick : "";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // The day a text means, or null; undefined when the box is empty.
  function parse(text) {
    text = text.trim();
    if (!text) return undefined;
    var m = /^(\d{1,2})\s*([\/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(text);
    var y, mo, d;
    if (m) { d = +m[1]; mo = +m[3]; y = +m[4]; }
    else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else return null;
    var day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
    return day;
  }
  function dmy(day) { return pad(day.getUTCDate()) + "/" + pad(day.getUTCMonth() + 1) + "/" + day.getUTCFullYear(); }
  function iso(day) { return day.getUTCFullYear() + "-" + pad(day.getUTCMonth() + 1) + "-" + pad(day.getUTCDate()); }

  function echo(box) {
    var out = box.parentNode.querySelector(".day-echo");
    var day = parse(box.value);
    box.setCustomValidity(day === null ? invalid : "");
    if (!out) return;
    out.classList.toggle("invalid", day === null);
    if (day === undefined) out.textContent = "";
    else if (day === null) out.textContent = invalid;
    else out.textContent = weekdays[(day.getUTCDay() + 6) % 7] + ", " + dmy(day);
  }

  function enhance(box) {
    if (box.dataset.dayReady) return;
    box.dataset.dayReady = "1";
    var native = document.createElement("input");
    native.type = "date";
    native.className = "day-native";
    native.tabIndex = -1;
    if (box.dataset.latest) native.max = box.dataset.latest;  // the picker offers no later day
    native.setAttribute("aria-hidden", "true");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "day-pick";
    button.setAttribute("aria-label", pickLabel);
    button.title = pickLabel;
    button.textContent = pickLabel;
    button.addEventListener("click", function () {
      var day = parse(box.value);
      native.value = day ? iso(day) : "";
      if (native.showPicker) { try { native.showPicker(); return; } catch (e) { /* below */ } }
      native.focus();
    });
    native.addEventListener("change", function () {
      var day = parse(native.value);
      if (!day) return;
      box.value = dmy(day);
      echo(box);
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
    box.addEventListener("input", function () { echo(box); });
    box.addEventListener("blur", function () {
      var day = parse(box.value);
      if (day) box.value = dmy(day);  // 1/2/2026 and 2026-02-01 both read back as 01/02/2026
      echo(box);
    });
    box.after(button, native);
    echo(box);
  }

  function enhanceAll(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("input[data-day]").forEach(enhance);
  }
  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.addEventListener("htmx:load", function (event) { enhanceAll(event.target); });
})();
