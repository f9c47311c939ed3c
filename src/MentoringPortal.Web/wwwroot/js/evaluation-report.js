// Draws the evaluation report's charts from the tables beside them (the tables stay the source of
// the numbers, so the page is complete without JavaScript). Each <canvas data-chart-table="id">
// names its table and the columns to draw (data-chart-columns, 0 being the row headers).
(function () {
    'use strict';
    if (typeof window.Chart === 'undefined') {
        return;
    }

    // Colours with at least 3:1 contrast against white (WCAG non-text contrast).
    var series = ['#0b4f9c', '#b35900', '#1d6b35', '#6a1b9a'];
    var scale = ['#b3261e', '#c2581a', '#6b6b6b', '#2f6fa8', '#0b3d73'];

    // A cell holds a number ("4.2", "+1.5", "75%") or words such as "fewer than 5 responses — not shown", which are not drawn.
    function numberIn(cell) {
        var text = cell ? cell.textContent.trim() : '';
        return /^[+\-]?\d+(\.\d+)?%?$/.test(text) ? parseFloat(text) : null;
    }

    function wrap(text, lineLength) {
        var lines = [];
        text.split(/\s+/).forEach(function (word) {
            var last = lines.length - 1;
            if (last >= 0 && (lines[last] + ' ' + word).length <= lineLength) {
                lines[last] += ' ' + word;
            } else {
                lines.push(word);
            }
        });
        return lines.length > 1 ? lines : text;
    }

    function draw(canvas) {
        var table = document.getElementById(canvas.getAttribute('data-chart-table'));
        if (!table || !table.tHead || !table.tBodies.length) {
            return;
        }

        var columns = (canvas.getAttribute('data-chart-columns') || '1').split(',').map(Number);
        var headers = table.tHead.rows[table.tHead.rows.length - 1].cells;
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var palette = canvas.getAttribute('data-chart-palette') === 'scale' ? scale : series;
        var stacked = canvas.getAttribute('data-chart-stacked') === 'true';
        var horizontal = canvas.getAttribute('data-chart-horizontal') === 'true';
        var max = canvas.getAttribute('data-chart-max');

        // On a narrow screen long category names would be cut off at the chart's edge, so they break into lines.
        var lineLength = canvas.parentNode.clientWidth < 480 ? 14 : 30;
        var labels = rows.map(function (row) { return wrap(row.cells[0].textContent.trim(), lineLength); });
        var datasets = columns.map(function (column, i) {
            return {
                label: headers[column] ? headers[column].textContent.trim() : '',
                data: rows.map(function (row) { return row.cells.length > column ? numberIn(row.cells[column]) : null; }),
                backgroundColor: palette[i % palette.length],
                borderColor: '#ffffff',
                borderWidth: stacked ? 1 : 0
            };
        });

        var valueAxis = { beginAtZero: true, stacked: stacked, ticks: { color: '#1b1b1b', precision: 0 }, grid: { color: '#d0d0d0' } };
        if (max) {
            valueAxis.max = Number(max);
        }

        var labelAxis = { stacked: stacked, ticks: { color: '#1b1b1b' }, grid: { display: false } };
        new window.Chart(canvas, {
            type: 'bar',
            data: { labels: labels, datasets: datasets },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
                plugins: {
                    legend: { display: datasets.length > 1, labels: { color: '#1b1b1b' } }
                }
            }
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart-table]'), draw);
})();
