// Asks before any destructive action: add data-confirm="…" to a button or form.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var message = (e.submitter && e.submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { e.preventDefault(); }
});
// Shows a progress indicator on long work: add data-busy="…" to a form.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var text = form.getAttribute('data-busy');
    if (!e.defaultPrevented && text && e.submitter) { e.submitter.disabled = true; e.submitter.textContent = text; }
});
