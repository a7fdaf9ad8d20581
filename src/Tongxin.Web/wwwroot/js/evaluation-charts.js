// 评价结果图表: the criteria's global weights as bars and the hierarchy as a sunburst (data from the page).
(function () {
  var bar = document.getElementById('chart-bar');
  if (bar && window.echarts) {
    var w = JSON.parse(bar.dataset.weights);
    echarts.init(bar).setOption({
      title: { text: '指标全局权重', left: 'center' },
      tooltip: {},
      grid: { left: 140 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: w.map(function (x) { return x.name; }).reverse() },
      series: [{ type: 'bar', data: w.map(function (x) { return x.value; }).reverse() }]
    });
  }
  var sun = document.getElementById('chart-sunburst');
  if (sun && window.echarts) {
    var rows = JSON.parse(sun.dataset.tree);
    var build = function (parent) {
      return rows.filter(function (r) { return r.parent === parent; }).map(function (r) {
        var children = build(r.id);
        return children.length ? { name: r.name, children: children } : { name: r.name, value: r.value };
      });
    };
    var root = rows.find(function (r) { return r.parent === null; });
    echarts.init(sun).setOption({
      title: { text: '层次结构与权重', left: 'center' },
      series: [{ type: 'sunburst', data: build(root ? root.id : null), radius: [0, '90%'], label: { rotate: 'radial' } }]
    });
  }
})();
