// Progressive enhancement only: every page works without this file.
// 1. When a key form is submitted, the status region (role="status", aria-live) says "Validation in progress"
//    at once, so sighted and screen-reader users know Pleo is being asked while the request runs.
// 2. Links to the key field ("Update API key", "Replace API key") move focus into it.
"use strict";

document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-validates-key")) {
        return;
    }

    // A second submit while Pleo is being asked would only queue a second check of the same key.
    if (form.getAttribute("aria-busy") === "true") {
        event.preventDefault();
        return;
    }

    const status = document.getElementById("connection-status");
    if (status) {
        const badge = document.createElement("span");
        badge.className = "badge badge-validationinprogress";
        badge.textContent = status.dataset.progressLabel || "Validation in progress";
        status.replaceChildren(badge);
    }

    form.setAttribute("aria-busy", "true");
    for (const button of form.querySelectorAll("button[type=submit]")) {
        // aria-disabled keeps the button focusable and readable; the check above ignores its clicks.
        button.setAttribute("aria-disabled", "true");
    }
});

document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-focus-key]") : null;
    const field = document.getElementById("ApiKey");
    if (link && field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
    }
});
