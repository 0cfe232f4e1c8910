// Draws the chart of a saved query's page from the spec the server wrote into #chart-data
// (see org.w3id.fazhi.server.QueryChart): bar, line or network, with ECharts.
(function () {
  'use strict';
  var dataElement = document.getElementById('chart-data');
  var chartElement = document.getElementById('chart');
  if (!dataElement || !chartElement || typeof echarts === 'undefined') return;
  var spec = JSON.parse(dataElement.textContent);
  var option;
  if (spec.view === 'network') {
    var max = Math.max.apply(null, spec.nodes.map(function (n) { return n.value; }));
    option = {
      tooltip: {},
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, zoom: 0.8,
        force: { repulsion: 160, gravity: 0.15, edgeLength: [40, 140], layoutAnimation: false },
        label: { show: true, position: 'right', fontSize: 11 },
        data: spec.nodes.map(function (n) {
          return { name: n.name, value: n.value, symbolSize: 8 + 22 * n.value / max };
        }),
        links: spec.links.map(function (l) {
          return { source: l.source, target: l.target, value: l.value, lineStyle: { width: Math.min(8, l.value) } };
        }),
        lineStyle: { color: 'source', opacity: 0.6 }
      }]
    };
  } else {
    // Long Chinese names go on a horizontal bar chart's y axis, where they can be read.
    var horizontal = spec.view === 'bar';
    var categoryAxis = { type: 'category', data: spec.categories, axisLabel: { interval: 0, fontSize: 11 } };
    if (horizontal) categoryAxis.inverse = true;
    var valueAxis = { type: 'value' };
    option = {
      tooltip: { trigger: 'axis' },
      legend: { show: spec.series.length > 1 },
      grid: { left: 16, right: 24, top: 32, bottom: 16, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: spec.series.map(function (s) {
        return { name: s.name, type: spec.view, data: s.data, symbolSize: 8, showAllSymbol: true,
                 label: { show: horizontal || spec.categories.length === 1, position: horizontal ? 'right' : 'top' } };
      })
    };
    if (horizontal) chartElement.style.height = Math.max(240, 60 + 26 * spec.categories.length) + 'px';
  }
  if (spec.view === 'network') chartElement.style.height = '600px';
  // No animation: the chart is read, not watched, and a screenshot then shows it whole.
  option.animation = false;
  var chart = echarts.init(chartElement, null, { renderer: 'canvas' });
  chart.setOption(option);
  window.addEventListener('resize', function () { chart.resize(); });
}());
