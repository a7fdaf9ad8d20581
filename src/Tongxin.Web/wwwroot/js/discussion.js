// 网络议政: live comments (SignalR) and the reply links. The server sends each newly visible
// comment to the discussion's group; it is inserted as text (never as HTML) where it belongs.
(function () {
  "use strict";
  var root = document.getElementById("discussion");
  if (!root) return;

  var form = document.getElementById("comment-form");
  var parentField = form && form.querySelector("input[name='Input.ParentId']");
  var replyNote = document.getElementById("reply-to");

  document.addEventListener("click", function (e) {
    var link = e.target.closest("[data-reply]");
    if (link && parentField) {
      e.preventDefault();
      parentField.value = link.getAttribute("data-reply");
      replyNote.hidden = false;
      replyNote.firstChild.textContent = "正在回复 " + link.getAttribute("data-reply-name") + " ";
      form.querySelector("textarea").focus();
      return;
    }
    if (e.target.closest("[data-reply-cancel]") && parentField) {
      e.preventDefault();
      parentField.value = "";
      replyNote.hidden = true;
    }
  });

  if (typeof signalR === "undefined") return;
  var params = new URLSearchParams(location.search);
  // New roots go on top of the first page of the newest order only; replies wherever their parent is shown.
  var newestFirstPage = params.get("sort") !== "MostLiked" && !params.get("before");

  function render(c) {
    var article = document.createElement("article");
    article.className = "border-start ps-2 mb-2 comment-live" + (c.depth > 1 ? " ms-3" : "");
    article.id = "c-" + c.id;
    article.setAttribute("data-testid", "comment");
    var head = document.createElement("div");
    head.className = "small text-muted";
    var name = document.createElement("strong");
    name.className = "text-body";
    name.textContent = c.authorName;
    head.appendChild(name);
    if (c.isPublic) {
      var badge = document.createElement("span");
      badge.className = "badge text-bg-light ms-1";
      badge.textContent = "网友";
      head.appendChild(badge);
    }
    head.appendChild(document.createTextNode(" · 刚刚"));
    var text = document.createElement("div");
    text.className = "comment-text";
    text.style.whiteSpace = "pre-line";
    text.textContent = c.content;
    var replies = document.createElement("div");
    replies.className = "replies mt-1";
    replies.setAttribute("data-replies", c.id);
    article.append(head, text, replies);
    return article;
  }

  function insert(c) {
    if (document.getElementById("c-" + c.id)) return;
    if (c.parentId) {
      var box = document.querySelector("[data-replies='" + c.parentId + "']");
      if (box) box.appendChild(render(c));
      return;
    }
    if (!newestFirstPage) return;
    var list = document.getElementById("comments-list");
    var empty = list.querySelector("[data-testid='no-comments']");
    if (empty) empty.remove();
    list.insertBefore(render(c), list.firstChild);
  }

  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/discussion")
    .withAutomaticReconnect()
    .build();
  connection.on("comment", insert);
  function join() {
    return connection.invoke("Join", root.getAttribute("data-id"), root.getAttribute("data-token") || null);
  }
  connection.onreconnected(join);
  connection.start().then(join).catch(function (err) {
    // The page still works without live updates: a reload shows new comments.
    console.warn("网络议政实时更新未连接", err);
  });
})();
