// 履职画像: the radar (axes 0–100) and the trend of total points (data from the page).
(function () {
  var radar = document.getElementById('portrait-radar');
  if (radar && window.echarts) {
    var axes = JSON.parse(radar.dataset.axes);
    echarts.init(radar).setOption({
      tooltip: {
        formatter: function () {
          return axes.map(function (a) { return a.name + '：' + a.value + '（' + a.points + ' / 最高 ' + a.top + ' 分）'; }).join('<br>');
        }
      },
      radar: { indicator: axes.map(function (a) { return { name: a.name, max: 100 }; }), radius: '65%' },
      series: [{ type: 'radar', areaStyle: { opacity: 0.25 }, data: [{ name: '画像值', value: axes.map(function (a) { return a.value; }) }] }]
    });
  }
  var trend = document.getElementById('portrait-trend');
  if (trend && window.echarts) {
    var points = JSON.parse(trend.dataset.trend);
    echarts.init(trend).setOption({
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map(function (p) { return p.year; }) },
      yAxis: { type: 'value', name: '积分' },
      series: [{ type: 'line', name: '年度积分', data: points.map(function (p) { return p.total; }), label: { show: true } }]
    });
  }
})();
