// 履职管理: the grade distribution of the filtered table as bars (data from the page).
(function () {
  var el = document.getElementById('grade-chart');
  if (el && window.echarts) {
    var g = JSON.parse(el.dataset.grades);
    echarts.init(el).setOption({
      title: { text: '等次分布', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {},
      xAxis: { type: 'category', data: g.map(function (x) { return x.name; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: g.map(function (x) { return x.value; }), label: { show: true, position: 'top' } }]
    });
  }
})();
