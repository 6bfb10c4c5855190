// Inside the widget's frame (/<id>/embed): talks to the municipal page that embeds it, and only
// to the origins allowed for this municipality (data-embed-origins, the same list as the CSP's
// frame-ancestors). The host says "loket:hello" when the frame has loaded and "loket:focus"
// when the inwoner opens the panel; this page answers "loket:ready" and sends "loket:close"
// on Escape, so the host can close the panel and put focus back on its launcher.
"use strict";

(function () {
  const root = document.getElementById("chat");
  if (!root || window.parent === window) return;
  let allowed = [];
  try {
    allowed = JSON.parse(root.dataset.embedOrigins || "[]");
  } catch (e) {
    allowed = [];
  }
  let host = null; // the embedding page's origin, once it has written to us

  function focusChat() {
    const main = document.getElementById("chat-main");
    const target = main && !main.hidden ? document.getElementById("chat-input") : document.getElementById("chat-start");
    if (target) target.focus();
  }

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !allowed.includes(event.origin)) return;
    const type = event.data && event.data.type;
    if (type !== "loket:hello" && type !== "loket:focus") return;
    host = event.origin;
    if (type === "loket:hello") window.parent.postMessage({ type: "loket:ready" }, host);
    else focusChat();
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !host) return;
    event.preventDefault();
    window.parent.postMessage({ type: "loket:close" }, host);
  });
})();
