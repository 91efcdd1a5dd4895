// Loaded before the page paints: marks that scripts run, so the phone menu starts folded
// (without scripts it stays open and every link is reachable).
document.documentElement.classList.add("js");
