// Starts Blazor with the clinic's own reconnection handler. When a page loses its connection it
// tries again every half second for two minutes (a refused attempt costs the server nothing), then
// every 2 s, then every 5 s; and it tries at once when the browser says it is online again, when
// the tab becomes visible, or when the server's health check answers (probed every 300 ms while
// down). One loop owns the attempts, so none of them races another. Back on the same circuit the
// page re-queries what it shows (LiveCircuit); if the server no longer has the circuit, the page
// resumes or reloads.
(() => {
    const intervalAfter = attempts => attempts < 240 ? 500 : attempts < 390 ? 2000 : 5000;
    const maxAttempts = 1000; // about 25 minutes
    const probeEvery = 300;
    let down = false;
    let attempts = 0;
    let inFlight = false;
    let timer = 0;

    const modal = () => document.getElementById("components-reconnect-modal");

    function show(state) {
        const dialog = modal();
        if (!dialog) {
            return;
        }
        dialog.className = state ? `components-reconnect-${state}` : "";
        if (state && !dialog.open) {
            dialog.showModal();
        } else if (!state && dialog.open) {
            dialog.close();
        }
    }

    async function attempt() {
        if (!down || inFlight) {
            return;
        }
        clearTimeout(timer);
        inFlight = true;
        attempts++;
        try {
            if (await Blazor.reconnect()) {
                return; // onConnectionUp hides the dialog
            }
            // The server answered but no longer holds this page's circuit.
            if (!(await Blazor.resumeCircuit())) {
                location.reload();
            }
            return;
        } catch {
            // Not reachable yet.
        } finally {
            inFlight = false;
        }
        if (!down) {
            return;
        }
        if (attempts >= maxAttempts) {
            show("failed");
            return;
        }
        show("retrying");
        timer = setTimeout(attempt, intervalAfter(attempts));
    }

    async function probe() {
        while (down) {
            await new Promise(resolve => setTimeout(resolve, probeEvery));
            try {
                if (down && (await fetch("healthz", { cache: "no-store" })).ok) {
                    attempt();
                }
            } catch {
                // Still no network.
            }
        }
    }

    const reconnectionHandler = {
        onConnectionDown() {
            if (down) {
                return;
            }
            down = true;
            attempts = 0;
            show("show");
            timer = setTimeout(attempt, 0);
            probe();
        },
        onConnectionUp() {
            down = false;
            attempts = 0;
            clearTimeout(timer);
            show(null);
        },
    };

    // The dialog's Retry button (shown once the attempts are used up) starts them again.
    window.clinicReconnectNow = () => {
        if (down && !inFlight) {
            attempts = 0;
            attempt();
        }
    };
    window.addEventListener("online", attempt);
    document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") {
            attempt();
        }
    });

    // A statically rendered page (a doctor's) keeps a choice in its address without loading again,
    // which Blazor's own navigation would do there.
    window.clinicReplaceAddress = url => history.replaceState(history.state, "", url);

    // @onchoose (ChooseEventArgs): a click in a list of plain-markup items says which item it was, so
    // the server keeps one handler for the list instead of one per item.
    Blazor.registerCustomEventType("choose", {
        browserEventName: "click",
        createEventArgs: event => ({ choice: event.target.closest("[data-choice]")?.dataset.choice ?? null }),
    });
    Blazor.start({ circuit: { reconnectionHandler } });
})();
