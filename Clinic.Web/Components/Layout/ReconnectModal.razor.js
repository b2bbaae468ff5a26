// The dialog's Retry button, shown once the attempts are used up. The reconnection itself
// (schedule, online event, health probe) lives in wwwroot/js/clinic-start.js, which owns every attempt.
document.getElementById("components-reconnect-button")
    .addEventListener("click", () => window.clinicReconnectNow?.());
