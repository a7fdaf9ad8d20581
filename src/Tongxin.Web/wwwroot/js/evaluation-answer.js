// 专家作答: each slider gives one judgment a_ij of the matrix; as a slider moves, its words and the matrix's
// consistency ratio are recomputed here. The CR is computed as the server does (Tongxin.Evaluation:
// λmax by power iteration from the geometric-mean weights, CI = (λmax − n)/(n − 1), CR = CI/RI with the
// page's RI), so the number shown is the number saved; the server recomputes it on save anyway.
(function () {
  'use strict';
  var form = document.getElementById('answer-form');
  if (!form) { return; }
  var n = parseInt(form.dataset.order, 10);
  var ri = parseFloat(form.dataset.ri);
  var threshold = parseFloat(form.dataset.threshold);
  var words = JSON.parse(form.dataset.words);
  var names = JSON.parse(form.dataset.names);
  var pairs = Array.prototype.slice.call(form.querySelectorAll('.pair'));
  var crValue = document.getElementById('cr-value');
  var hint = document.getElementById('cr-hint');
  var scale = [];
  for (var s = 9; s >= 2; s--) { scale.push(1 / s); }
  for (s = 1; s <= 9; s++) { scale.push(s); }

  // Position −8 … 8 → a_ij: left of centre favours the left item (i), right of centre the right one (j).
  function judgment(position) { return position <= 0 ? 1 - position : 1 / (1 + position); }

  function format(a) { return a >= 1 ? String(Math.round(a)) : '1/' + Math.round(1 / a); }

  function verdict(position, left, right) {
    if (position === 0) { return '两者同等重要（1）'; }
    return position < 0
      ? '「' + left + '」比「' + right + '」' + words[-position] + '（' + (1 - position) + '）'
      : '「' + right + '」比「' + left + '」' + words[position] + '（1/' + (1 + position) + '）';
  }

  function matrix() {
    var a = [];
    for (var i = 0; i < n; i++) { a.push([]); for (var j = 0; j < n; j++) { a[i].push(1); } }
    pairs.forEach(function (p) {
      var i = parseInt(p.dataset.i, 10), j = parseInt(p.dataset.j, 10);
      var v = judgment(parseInt(p.querySelector('input[type=range]').value, 10));
      a[i][j] = v;
      a[j][i] = 1 / v;
    });
    return a;
  }

  function geometricMean(a) {
    var w = [], sum = 0;
    for (var i = 0; i < n; i++) {
      var logs = 0;
      for (var j = 0; j < n; j++) { logs += Math.log(a[i][j]); }
      w.push(Math.exp(logs / n));
      sum += w[i];
    }
    return w.map(function (x) { return x / sum; });
  }

  // The principal eigenvalue and vector (sum 1) by power iteration; with w summing to 1, λ = Σ (Aw)_i.
  function eigen(a) {
    var w = geometricMean(a), lambda = n;
    for (var iteration = 0; iteration < 1000; iteration++) {
      var next = [], sum = 0;
      for (var i = 0; i < n; i++) {
        var s = 0;
        for (var j = 0; j < n; j++) { s += a[i][j] * w[j]; }
        next.push(s);
        sum += s;
      }
      var change = 0;
      for (i = 0; i < n; i++) {
        next[i] /= sum;
        change = Math.max(change, Math.abs(next[i] - w[i]));
      }
      lambda = sum;
      w = next;
      if (change < 1e-13) { break; }
    }
    return { lambda: lambda, w: w };
  }

  function cr(a) {
    if (n <= 2) { return 0; }
    var ci = Math.max(0, (eigen(a).lambda - n) / (n - 1));
    return ci / ri;
  }

  // The judgment furthest from what the weights imply (|ln a_ij·w_j/w_i|) and the scale value that, in its
  // place, gives the lowest CR – as the server's diagnosis (InconsistencyDiagnosis) picks its first hint.
  function diagnose(a) {
    var w = eigen(a).w, worst = null;
    for (var i = 0; i < n; i++) {
      for (var j = i + 1; j < n; j++) {
        var deviation = Math.abs(Math.log(a[i][j] * w[j] / w[i]));
        if (!worst || deviation > worst.deviation + 1e-12) { worst = { i: i, j: j, deviation: deviation }; }
      }
    }
    var given = a[worst.i][worst.j], best = null;
    scale.forEach(function (v) {
      a[worst.i][worst.j] = v;
      a[worst.j][worst.i] = 1 / v;
      var c = Math.round(cr(a) * 1e12) / 1e12;
      if (!best || c < best.cr) { best = { value: v, cr: c }; }
    });
    a[worst.i][worst.j] = given;
    a[worst.j][worst.i] = 1 / given;
    return { i: worst.i, j: worst.j, given: given, suggested: best.value, cr: best.cr };
  }

  function update() {
    pairs.forEach(function (p) {
      var input = p.querySelector('input[type=range]');
      var pairNames = [names[parseInt(p.dataset.i, 10)], names[parseInt(p.dataset.j, 10)]];
      p.querySelector('.verdict').textContent = verdict(parseInt(input.value, 10), pairNames[0], pairNames[1]);
    });
    var a = matrix();
    var ratio = cr(a);
    crValue.textContent = ratio.toFixed(4);
    if (ratio > threshold) {
      var d = diagnose(a);
      hint.textContent = 'CR = ' + ratio.toFixed(4) + ' > ' + threshold + '，判断前后矛盾较大，请调整。建议先检查「' + names[d.i] + '」对「' + names[d.j] +
        '」的判断（当前 ' + format(d.given) + '），改为 ' + format(d.suggested) + ' 时 CR = ' + d.cr.toFixed(3) + '。';
      hint.hidden = false;
    } else {
      hint.hidden = true;
      hint.textContent = '';
    }
  }

  pairs.forEach(function (p) { p.querySelector('input[type=range]').addEventListener('input', update); });
  update();
})();
