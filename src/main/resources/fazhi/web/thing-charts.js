// Draws the charts of a region's, a program's or an indicator's page (see
// org.w3id.fazhi.server.PageFrame): each <script type="application/json" class="chart-data">
// holds the spec of the chart whose id is its data-chart — bar (horizontal, stacked when the
// spec says so), line or network — and ECharts draws it. The tables beside carry the same numbers.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') return;
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('script.chart-data'), function (dataElement) {
    var chartElement = document.getElementById(dataElement.getAttribute('data-chart'));
    if (!chartElement) return;
    var spec = JSON.parse(dataElement.textContent);
    var option;
    if (spec.view === 'network') {
      var max = Math.max.apply(null, spec.nodes.map(function (n) { return n.value; }));
      option = {
        tooltip: {},
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true,
          force: { repulsion: 180, gravity: 0.1, edgeLength: [60, 140], layoutAnimation: false },
          label: { show: true, position: 'right', fontSize: 11 },
          data: spec.nodes.map(function (n) {
            return { name: n.name, value: n.value, symbolSize: 10 + 24 * n.value / max,
                     itemStyle: n.centre ? { color: '#c33' } : undefined };
          }),
          links: spec.links.map(function (l) {
            return { source: l.source, target: l.target, value: l.value, lineStyle: { width: Math.min(8, 1 + l.value) } };
          }),
          lineStyle: { color: '#999', opacity: 0.7 }
        }]
      };
    } else {
      // Long Chinese names go on a horizontal bar chart's y axis, where they can be read.
      var horizontal = spec.view === 'bar';
      var categoryAxis = { type: 'category', data: spec.categories, axisLabel: { interval: 0, fontSize: 11 } };
      if (horizontal) categoryAxis.inverse = true;
      var valueAxis = { type: 'value', name: spec.unit || '' };
      option = {
        tooltip: { trigger: 'axis' },
        legend: { show: spec.series.length > 1, top: 0 },
        grid: { left: 8, right: 40, top: spec.series.length > 1 ? 32 : 24, bottom: 8, containLabel: true },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: spec.series.map(function (s) {
          return { name: s.name, type: spec.view, data: s.data, stack: spec.stack ? 'all' : undefined,
                   symbolSize: 8, showAllSymbol: true, connectNulls: true,
                   label: { show: !spec.stack && (horizontal || spec.categories.length === 1), position: horizontal ? 'right' : 'top' } };
        })
      };
      if (horizontal) chartElement.style.height = Math.max(160, 70 + 26 * spec.categories.length) + 'px';
    }
    // No animation: the chart is read, not watched, and a screenshot then shows it whole.
    option.animation = false;
    var chart = echarts.init(chartElement, null, { renderer: 'canvas' });
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
