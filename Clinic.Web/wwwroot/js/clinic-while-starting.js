// A page arrives drawn by the server and becomes live a moment later, when its circuit has started
// (on a phone's slow connection, a second or more). What a person does in that moment would be lost:
// a tap on a button does nothing (the server is not listening yet), and what they type goes when the
// live page replaces the drawn one. So, in the parts of the page still starting ([data-starting]):
// - a tap on a button is held (the pointer says "wait") and made again once that part is live, on
//   the same button, found where it was and with the same words, or not at all;
// - what was typed into a field, or chosen in a list of the browser's own, is put into the same field
//   of the live page (where the server drew nothing else meanwhile), with the caret back in it, and
//   the page hears it as typed or chosen.
// A tap on a select's field counts as a tap on a button. Links, the menu button and the browser's own
// menus work without the server and are left alone.
(() => {
    const starting = "[data-starting]";
    const actionable = "button, [role=button], [role=tab], [role=switch], [role=menuitem], [role=option], [data-choice], .mud-chip";
    const native = "a[href], [data-drawer-toggle], [data-drawer-scrim], [popovertarget], input, textarea, select, label, summary, [contenteditable]";
    // A select's field is a read-only input that opens the select's list: a button in all but name.
    const picker = ".mud-select input[readonly]";
    const typable = "textarea, input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], input[type=number], input[type=url]";
    const giveUpAfter = 20_000;
    const waitOnceLive = 3_000;
    let held = null;           // the tap to make again
    const typed = new Map();   // what was typed, by field
    let observer = null;

    const words = element => element.textContent.replace(/\s+/g, " ").trim();
    const regions = () => document.querySelectorAll("[data-interactive]");

    // An element's place: which region it is in, and the index of each element on the way down.
    function placeOf(region, element) {
        const path = [];
        for (let node = element; node !== region; node = node.parentElement) {
            path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
        }
        return { regionIndex: Array.prototype.indexOf.call(regions(), region), path, tag: element.tagName, address: location.href };
    }

    function follow(region, path) {
        let node = region;
        for (const index of path) {
            node = node?.children[index];
        }
        return node ?? null;
    }

    // The same region once live: the one at the same place among the page's regions.
    function liveRegion(place) {
        const region = regions()[place.regionIndex];
        return region && !region.matches(starting) && region.dataset.interactive === "true" ? region : null;
    }

    function watch() {
        if (!observer) {
            observer = new MutationObserver(tryAgain);
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-interactive", "data-starting"] });
        }
        setTimeout(tryAgain, giveUpAfter + 100); // gives up even when nothing changes
    }

    function stopWatchingIfDone() {
        if (!held && typed.size === 0) {
            observer?.disconnect();
            observer = null;
        }
    }

    function releaseTap() {
        held = null;
        document.documentElement.classList.remove("clinic-click-held");
    }

    // Gone to another page meanwhile (a link works at once): what was done was meant for that one.
    const stale = place => Date.now() > place.until || location.href !== place.address;

    function putBackTyped() {
        for (const [key, entry] of typed) {
            if (stale(entry)) {
                typed.delete(key);
                continue;
            }
            const region = liveRegion(entry);
            if (!region) {
                continue;
            }
            let field = follow(region, entry.path);
            if (!field || field.tagName !== entry.tag || field.type !== entry.type) {
                // Drawn a little differently once live: the one field of that kind there.
                const alike = [...region.querySelectorAll(entry.tag)].filter(e => e.type === entry.type);
                field = alike.length === 1 ? alike[0] : null;
            }
            // Live but still loading what it shows: wait a little for the field.
            if (!field) {
                waitOnce(entry);
                continue;
            }
            typed.delete(key);
            // Only where the server has not drawn something else since.
            if (field.value !== entry.drawn) {
                continue;
            }
            field.value = entry.value;
            field.dispatchEvent(new Event("input", { bubbles: true }));
            field.dispatchEvent(new Event("change", { bubbles: true }));
            if (entry.focused && document.activeElement === document.body) {
                field.focus();
            }
        }
    }

    function makeTapAgain() {
        if (!held) {
            return;
        }
        if (stale(held)) {
            releaseTap();
            return;
        }
        const region = liveRegion(held);
        if (!region) {
            return;
        }
        const { path, text, tag } = held;
        let target = follow(region, path);
        if (!target || target.tagName !== tag || words(target) !== text) {
            // Drawn a little differently once live: the one element of that kind with the same words.
            const alike = [...region.querySelectorAll(tag)].filter(e => words(e) === text);
            target = alike.length === 1 ? alike[0] : null;
        }
        if (!target) {
            // Live, but still loading what it shows: wait a little for the button to come back.
            waitOnce(held);
            return;
        }
        releaseTap();
        if (!target.disabled && target.getAttribute("aria-disabled") !== "true") {
            // As a finger's tap: pressed, let go, clicked (a select opens on the press).
            for (const kind of ["mousedown", "mouseup"]) {
                target.dispatchEvent(new MouseEvent(kind, { bubbles: true, cancelable: true, view: window, button: 0 }));
            }
            target.click();
        }
    }

    // A part is live but what was done there is not drawn yet: look again for a few seconds at most.
    function waitOnce(entry) {
        if (!entry.live) {
            entry.live = true;
            entry.until = Math.min(entry.until, Date.now() + waitOnceLive);
            setTimeout(tryAgain, waitOnceLive + 50);
        }
    }

    function tryAgain() {
        putBackTyped(); // first what was typed, then the tap that may act on it
        makeTapAgain();
        stopWatchingIfDone();
    }

    document.addEventListener("click", event => {
        const element = event.target instanceof Element ? event.target : null;
        const region = element?.closest(starting);
        const choosing = element?.closest(".mud-select")?.querySelector(picker);
        if (!region || !event.isTrusted || (element.closest(native) && !choosing)) {
            return;
        }
        const target = choosing ?? element.closest(actionable);
        if (!target || !region.contains(target)) {
            return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        held = { ...placeOf(region, target), text: words(target), until: Date.now() + giveUpAfter };
        document.documentElement.classList.add("clinic-click-held");
        watch();
    }, true);

    // What a field held as the server drew it: a list's option marked chosen (or its first), a box's text.
    const drawnValue = field => field.tagName === "SELECT"
        ? ([...field.options].find(option => option.defaultSelected) ?? field.options[0])?.value ?? ""
        : field.defaultValue;

    // Typing is heard as it goes; a choice in the browser's own list, once made.
    document.addEventListener("input", event => remember(event, typable), true);
    document.addEventListener("change", event => remember(event, "select"), true);

    function remember(event, fields) {
        const field = event.target instanceof Element && event.target.matches(fields) ? event.target : null;
        const region = field?.closest(starting);
        if (!region || !event.isTrusted) {
            return;
        }
        const place = placeOf(region, field);
        const key = `${place.regionIndex}:${place.path.join(".")}`;
        const drawn = typed.get(key)?.drawn ?? drawnValue(field);
        for (const entry of typed.values()) {
            entry.focused = false;
        }
        typed.set(key, { ...place, type: field.type, value: field.value, drawn, focused: true, until: Date.now() + giveUpAfter });
        watch();
    }
})();
