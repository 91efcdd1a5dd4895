// Small glue around htmx: show server messages for refused requests (403/500) in the flash area.
document.addEventListener("htmx:responseError", function (event) {
  var flash = document.getElementById("flash");
  if (!flash) return;
  var xhr = event.detail.xhr;
  var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
  var alert = doc.querySelector(".alert");
  flash.innerHTML = "";
  if (alert) { flash.appendChild(alert); } else { flash.textContent = "Lỗi " + xhr.status; }
  setTimeout(function () { flash.innerHTML = ""; }, 8000);
});
