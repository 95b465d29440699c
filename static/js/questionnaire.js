// The questionnaire's progressive enhancements; without this script every page still works (Save buttons,
// open comment boxes, jump links to fixed anchors, the area list always open).
// - Autosave (htmx) makes the Save buttons redundant: the <html> element gets the class "autosave", which hides them.
// - Keys 0-3, n (Not applicable) and d (Don't know) answer the question that has the focus, unless the focus is in
//   a text field.
// - Choosing "Not applicable" opens the comment, which it requires.
// - A save that fails on the way or on the server says so beside its question, whose Save button shows again.
// - "Next unanswered" and "Next required" go to the next such question after the one last in focus.
// - On small screens the list of areas folds away.
(function () {
  "use strict";

  var KEYS = { "0": "0", "1": "1", "2": "2", "3": "3", n: "na", N: "na", d: "unknown", D: "unknown" };
  var SHORTCUTS = { na: "n", unknown: "d" };  // the key of each radio that is not its own value
  var NOT_APPLICABLE = "na";
  var SMALL_SCREEN = window.matchMedia("(max-width: 1024px)");
  var lastCard = null;

  if (window.htmx) {
    document.documentElement.classList.add("autosave");
  }

  function cardOf(element) {
    var card = element && element.closest ? element.closest("article.question") : null;
    return card && card.querySelector("form") ? card : null;
  }

  function openComment(card, focus) {
    var comment = card.querySelector("details.comment");
    if (!comment) {
      return;
    }
    comment.open = true;
    if (focus) {
      comment.querySelector("textarea").focus();
    }
  }

  function choose(card, radio) {
    radio.focus();
    if (!radio.checked) {
      radio.checked = true;
      radio.dispatchEvent(new Event("change", { bubbles: true }));  // htmx saves on change
    }
    if (radio.value === NOT_APPLICABLE) {
      openComment(card, true);
    }
  }

  function isTyping(element) {
    return element.matches("textarea, select, [contenteditable], input:not([type=radio]):not([type=checkbox])");
  }

  document.addEventListener("keydown", function (event) {
    var value = KEYS[event.key];
    if (value === undefined || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) {
      return;
    }
    if (isTyping(event.target)) {
      return;
    }
    var card = cardOf(event.target);
    var radio = card && card.querySelector('input[name="value"][value="' + value + '"]');
    if (radio) {
      event.preventDefault();
      choose(card, radio);
    }
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.name === "value" && target.value === NOT_APPLICABLE && cardOf(target)) {
      openComment(cardOf(target), false);  // not focused: arrow keys pass over this radio on their way round
    }
  });

  // A save the server answered with an error of its own (5xx), or that never reached it: the answer stays as
  // typed, the question says it is not saved, and its Save button shows to try again (refusals, 422 and 409,
  // come with their own words).
  function notSaved(event) {
    var card = cardOf(event.target);
    var status = card && card.querySelector(".save-status");
    if (!status) {
      return;
    }
    var error = document.createElement("span");
    error.className = "status-error";
    error.textContent = (event.type === "htmx:responseError" ? "Not saved: the server failed." : "Not saved: no connection.")
      + " Your answer is still here: press Save to try again.";
    status.replaceChildren(error);
    card.classList.add("save-failed");
  }
  ["htmx:responseError", "htmx:sendError", "htmx:timeout"].forEach(function (name) {
    document.addEventListener(name, notSaved);
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var card = cardOf(event.target);
    if (card) {
      card.classList.remove("save-failed");
    }
  });

  document.addEventListener("focusin", function (event) {
    lastCard = cardOf(event.target) || lastCard;
  });

  function focusCard(card) {
    var radio = card.querySelector('input[name="value"]:checked') || card.querySelector('input[name="value"]');
    card.scrollIntoView({ block: "start" });
    radio.focus({ preventScroll: true });
  }

  function follows(card, reference) {
    return !reference || Boolean(reference.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  // The jump links are sent again after every autosave, with the keys of the questions they lead to.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-jump]");
    var status = document.getElementById("area-status");
    if (!link || !status) {
      return;
    }
    var keys = (status.dataset[link.dataset.jump] || "").split(" ").filter(Boolean);
    var cards = keys.map(function (key) { return document.getElementById("q-" + key); }).filter(Boolean);
    var next = cards.find(function (card) { return follows(card, lastCard); });
    if (!next && link.hasAttribute("data-wrap")) {
      next = cards[0];
    }
    event.preventDefault();
    if (next) {
      focusCard(next);
    } else {
      window.location.assign(link.dataset.beyond);
    }
  });

  function foldAreas() {
    document.querySelectorAll("details.area-nav-fold").forEach(function (fold) {
      fold.open = !SMALL_SCREEN.matches;
    });
  }
  SMALL_SCREEN.addEventListener("change", foldAreas);

  document.addEventListener("DOMContentLoaded", function () {
    foldAreas();
    document.querySelectorAll(".keyboard-hint").forEach(function (hint) { hint.hidden = false; });
    document.querySelectorAll('article.question input[name="value"]').forEach(function (radio) {
      radio.setAttribute("aria-keyshortcuts", SHORTCUTS[radio.value] || radio.value);
    });
    // Arriving from a jump to another area (…/areas/data/#q-data.versioning): that question takes the focus.
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && cardOf(target) === target) {
      focusCard(target);
    }
  });
})();
