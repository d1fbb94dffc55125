// The translation editor's primary button, for people who may not publish.
//
// wagtail-localize's React footer makes the last of its actions the primary
// button: for someone without the publish permission that is "Delete" or
// "Stop Synced translation". This puts the review's action there instead (the
// review panel's <template>) and offers the footer's own primary action in its
// "More actions" menu. React owns the footer's nodes, so they are hidden and
// copied rather than moved; the footer renders after this script runs, and
// again on updates, so it watches for it.
(function () {
  "use strict";
  var template = document.querySelector("template[data-translation-primary-action]");
  if (!template) return;

  function place() {
    var nav = document.querySelector(".js-translation-editor footer nav.actions");
    var group = nav && nav.querySelector(".w-dropdown-button");
    var menu = group && group.querySelector("[data-w-dropdown-target=content]");
    if (!menu) return;
    if (!group.querySelector(":scope > [data-translation-primary]")) {
      group.insertBefore(template.content.firstElementChild.cloneNode(true), group.firstChild);
    }
    Array.prototype.forEach.call(group.children, function (child) {
      if (child.hasAttribute("data-translation-primary") || child.classList.contains("w-dropdown")) return;
      if (child.hidden) return;
      child.hidden = true;
      child.style.display = "none";
      var copy = child.cloneNode(true);
      copy.hidden = false;
      copy.style.display = "";
      copy.setAttribute("data-translation-moved", "");
      Array.prototype.forEach.call(menu.querySelectorAll(":scope > [data-translation-moved]"), function (old) {
        old.remove();
      });
      menu.insertBefore(copy, menu.firstChild);
    });
  }

  var observer = new MutationObserver(place);
  function start() {
    place();
    observer.observe(document.querySelector(".js-translation-editor") || document.body, {
      childList: true,
      subtree: true,
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
