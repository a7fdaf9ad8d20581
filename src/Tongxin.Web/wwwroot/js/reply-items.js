// 办理事项 rows of the reply form: add and remove rows, and renumber the field names so that
// the server binds them as one list without gaps.
(function () {
    var table = document.getElementById('reply-items');
    var add = document.getElementById('add-item');
    if (!table || !add) { return; }
    var body = table.tBodies[0];
    function renumber() {
        Array.prototype.forEach.call(body.rows, function (row, i) {
            row.querySelectorAll('[name]').forEach(function (field) {
                field.name = field.name.replace(/Items\[\d+\]/, 'Items[' + i + ']');
            });
        });
    }
    add.addEventListener('click', function () {
        var row = body.rows[0].cloneNode(true);
        row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
        row.querySelectorAll('select').forEach(function (select) { select.selectedIndex = 1; });
        body.appendChild(row);
        renumber();
    });
    body.addEventListener('click', function (e) {
        if (!e.target.classList.contains('remove-item')) { return; }
        if (body.rows.length > 1) {
            e.target.closest('tr').remove();
        } else {
            e.target.closest('tr').querySelectorAll('input').forEach(function (input) { input.value = ''; });
        }
        renumber();
    });
})();
