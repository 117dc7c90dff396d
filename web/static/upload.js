// The evidence upload page: gather the chosen files and photos, check them as the server
// will, send them in one request with visible progress, then show the confirmation.
// Every text comes from the page (data-msg-*), translated by the server; none is built here.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("upload");
  if (!form) return;
  var inputs = [document.getElementById("files"), document.getElementById("camera")];
  var list = document.getElementById("chosen");
  var status = document.getElementById("status");
  var send = document.getElementById("send");
  var progress = document.getElementById("progress");
  var bar = document.getElementById("bar");
  var percent = document.getElementById("percent");
  var maxBytes = Number(form.dataset.maxBytes);
  var maxFiles = Number(form.dataset.maxFiles);
  var allowed = form.dataset.allowed.split(" ");
  var chosen = [];
  var lang = document.documentElement.lang || "vi";

  function say(message, kind) {
    status.textContent = message;
    status.className = "status" + (kind ? " " + kind : "");
  }

  function suffix(name) {
    var dot = name.lastIndexOf(".");
    return dot < 0 ? "" : name.slice(dot).toLowerCase();
  }

  function size(bytes) {
    var mb = bytes / 1000000;
    if (mb >= 0.1) return mb.toLocaleString(lang, { maximumFractionDigits: 1 }) + " MB";
    return Math.max(1, Math.round(bytes / 1000)).toLocaleString(lang) + " KB";
  }

  function problem(file) {
    if (allowed.indexOf(suffix(file.name)) < 0) {
      return form.dataset.msgWrongType.replace("{name}", file.name);
    }
    if (file.size > maxBytes) return form.dataset.msgTooLarge.replace("{name}", file.name);
    return null;
  }

  function render() {
    list.textContent = "";
    chosen.forEach(function (file, index) {
      var item = document.createElement("li");
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = file.name;
      var weight = document.createElement("span");
      weight.className = "size";
      weight.textContent = size(file.size);
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "remove";
      remove.textContent = "×";
      remove.setAttribute("aria-label", form.dataset.msgRemove + " " + file.name);
      remove.addEventListener("click", function () {
        chosen.splice(index, 1);
        render();
      });
      item.append(name, weight, remove);
      list.appendChild(item);
    });
  }

  inputs.forEach(function (input) {
    input.addEventListener("change", function () {
      Array.prototype.forEach.call(input.files, function (file) {
        chosen.push(file);
      });
      input.value = ""; // the same photo can be taken again, and the list is ours
      say("");
      render();
    });
  });

  function busy(on) {
    send.disabled = on;
    inputs.forEach(function (input) {
      input.disabled = on;
    });
    form.classList.toggle("busy", on);
  }

  function show(value) {
    bar.value = value;
    percent.textContent = form.dataset.msgProgress.replace("{percent}", String(value));
  }

  function finished(answer) {
    form.hidden = true;
    document.getElementById("done-title").textContent = "✅ " + answer.message;
    var files = document.getElementById("done-files");
    answer.lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      files.appendChild(item);
    });
    document.getElementById("done").hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!chosen.length) return say(form.dataset.msgNone, "error");
    if (chosen.length > maxFiles) return say(form.dataset.msgTooMany, "error");
    for (var i = 0; i < chosen.length; i++) {
      var refusal = problem(chosen[i]);
      if (refusal) return say(refusal, "error");
    }
    var data = new FormData();
    chosen.forEach(function (file) {
      data.append("files", file, file.name);
    });
    var request = new XMLHttpRequest();
    request.open("POST", window.location.href);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    request.responseType = "json";
    request.upload.onprogress = function (progressEvent) {
      if (progressEvent.lengthComputable) {
        show(Math.floor((progressEvent.loaded / progressEvent.total) * 100));
      }
    };
    request.onload = function () {
      busy(false);
      var answer = request.response;
      if (answer && answer.ok) return finished(answer);
      progress.hidden = true;
      say(answer && answer.message ? answer.message : form.dataset.msgNetwork, "error");
    };
    request.onerror = function () {
      busy(false);
      progress.hidden = true;
      say(form.dataset.msgNetwork, "error");
    };
    busy(true);
    say("");
    progress.hidden = false;
    show(0);
    request.send(data);
  });
})();
