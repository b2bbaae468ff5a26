// The dialog's buttons. The reconnection itself (schedule, online event, health probe) lives in
// wwwroot/js/clinic-start.js, which owns every attempt.
document.getElementById("components-reconnect-button")
    .addEventListener("click", () => window.clinicReconnectNow?.());

document.getElementById("components-resume-button").addEventListener("click", async () => {
    try {
        if (!(await Blazor.resumeCircuit())) {
            location.reload();
        }
    } catch {
        document.getElementById("components-reconnect-modal").className = "components-reconnect-resume-failed";
    }
});
