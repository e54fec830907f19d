// 科普云溪 dashboard page: logs in with the staff password API, then draws the plan's figures from
// /api/admin/v1/plans/{id}/dashboard. Charts are ECharts (served from the webjar, no CDN).
(function () {
  'use strict';

  var STATUS = { DONE: '已完成', ON_TRACK: '进度正常', BEHIND: '滞后', NO_DATA: '待填报' };
  var token = sessionStorage.getItem('kepu-admin-token');
  var charts = {};

  function $(id) { return document.getElementById(id); }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token } }).then(function (r) {
      if (r.status === 401) { showLogin(); throw new Error('登录已失效'); }
      if (!r.ok) { return r.json().then(function (p) { throw new Error(p.detail || r.statusText); }); }
      return r.json();
    });
  }

  function download(path, filename) {
    fetch(path, { headers: { Authorization: 'Bearer ' + token } })
      .then(function (r) { return r.blob(); })
      .then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = filename;
        a.click();
      });
  }

  function showLogin() {
    $('login-view').hidden = false;
    $('dashboard-view').hidden = true;
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init($(id)); }
    return charts[id];
  }

  function fmt(v) { return v === null || v === undefined ? '—' : String(Number(v)); }

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('login-error').textContent = '';
    fetch('/api/admin/v1/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.detail || '登录失败'); }
        token = body.accessToken;
        sessionStorage.setItem('kepu-admin-token', token);
        start();
      });
    }).catch(function (err) { $('login-error').textContent = err.message; });
  });

  function start() {
    $('login-view').hidden = true;
    $('dashboard-view').hidden = false;
    api('/api/admin/v1/plans').then(function (plans) {
      var select = $('plan-select');
      select.innerHTML = '';
      plans.forEach(function (p) {
        var o = document.createElement('option');
        o.value = p.id;
        o.textContent = p.name;
        select.appendChild(o);
      });
      select.onchange = function () { load(select.value); };
      if (plans.length) { load(plans[0].id); }
    });
  }

  function load(planId) {
    api('/api/admin/v1/plans/' + planId + '/dashboard').then(function (d) {
      $('period').textContent = '规划期 ' + d.periodStart + ' 至 ' + d.periodEnd + '，时间进度 ' + d.elapsedPercent + '%（截至 ' + d.today + '）';
      $('export-report').onclick = function (e) { e.preventDefault(); download('/api/admin/v1/plans/' + planId + '/indicator-report.xlsx', '指标完成情况.xlsx'); };
      $('snapshot-note').textContent = d.lastSnapshot
        ? ('最近一次报送：' + d.lastSnapshot.month + (d.liveDiffersFromReported ? '；当前实时数据与报送数据不一致（见标注 *）' : '；当前数据与报送一致'))
        : '尚未报送月度数据';
      var body = $('indicator-table').querySelector('tbody');
      body.innerHTML = '';
      d.indicators.forEach(function (f) {
        var tr = document.createElement('tr');
        tr.dataset.code = f.code;
        var cells = [
          f.name + ('YEARLY' === f.targetBasis && f.name.indexOf('每年') < 0 ? '（每年）' : ''),
          f.leadUnit,
          fmt(f.target) + ' ' + f.unit,
          fmt(f.value) + (f.value === null ? '' : ' ' + f.unit) + (f.differsFromReported ? ' *' : ''),
          f.percentOfTarget === null ? '—' : f.percentOfTarget + '%',
          f.elapsedPercent + '%',
          STATUS[f.status]
        ];
        cells.forEach(function (text, i) {
          var td = document.createElement('td');
          td.textContent = text;
          if (i === 6) { td.className = 'status-' + f.status; }
          tr.appendChild(td);
        });
        var link = document.createElement('td');
        var a = document.createElement('a');
        a.href = '#';
        a.textContent = '明细';
        a.onclick = function (e) { e.preventDefault(); detail(f); };
        link.appendChild(a);
        tr.appendChild(link);
        body.appendChild(tr);
      });
      chart('progress-chart').setOption({
        title: { text: '指标完成率与时间进度', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 150, right: 20, top: 36, bottom: 40 },
        xAxis: { type: 'value', max: function (v) { return Math.max(100, Math.ceil(v.max)); } },
        yAxis: { type: 'category', data: d.indicators.map(function (f) { return f.name.slice(0, 10); }), inverse: true },
        series: [
          { name: '完成率(%)', type: 'bar', data: d.indicators.map(function (f) { return f.percentOfTarget === null ? 0 : Number(f.percentOfTarget); }) },
          { name: '时间进度(%)', type: 'scatter', data: d.indicators.map(function (f) { return Number(f.elapsedPercent); }) }
        ]
      }, true);
      chart('participation-chart').setOption({
        title: { text: '各行动、工程的参与情况（人次）', left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 50, right: 20, top: 36, bottom: 80 },
        xAxis: { type: 'category', data: d.participation.map(function (s) { return s.sectionName.replace('科学素质提升行动', '').replace('工程', ''); }), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value' },
        series: [
          { name: '活动签到', type: 'bar', stack: 'p', data: d.participation.map(function (s) { return s.eventAttendance; }) },
          { name: '答题', type: 'bar', stack: 'p', data: d.participation.map(function (s) { return s.quizzes; }) },
          { name: '阅读', type: 'bar', stack: 'p', data: d.participation.map(function (s) { return s.contentReads; }) }
        ]
      }, true);
      document.body.dataset.loaded = 'true';
    }).catch(function (err) { $('snapshot-note').textContent = err.message; });
  }

  function detail(f) {
    $('detail').hidden = false;
    $('detail-title').textContent = f.name + '：' + fmt(f.value) + ' / ' + fmt(f.target) + ' ' + f.unit;
    $('detail-proxy').textContent = f.proxy ? (f.proxy.label + '：' + (f.proxy.ratePercent === null ? '—' : f.proxy.ratePercent + '%') + '，' + f.proxy.interval) : '';
    chart('trend-chart').setOption({
      title: { text: '月度累计', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: f.trend.map(function (p) { return p.month; }) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', data: f.trend.map(function (p) { return Number(p.value); }) }]
    }, true);
    chart('town-chart').setOption({
      title: { text: '分镇（街道）', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {},
      xAxis: { type: 'category', data: f.byTown.map(function (b) { return b.name; }) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: f.byTown.map(function (b) { return Number(b.value); }) }]
    }, true);
    chart('group-chart').setOption({
      title: { text: '分人群', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {},
      series: [{ type: 'pie', radius: '60%', data: f.byGroup.map(function (b) { return { name: b.name, value: Number(b.value) }; }) }]
    }, true);
    $('export-records').onclick = function (e) { e.preventDefault(); download('/api/admin/v1/indicators/' + f.id + '/records.xlsx', f.name + '明细.xlsx'); };
    api('/api/admin/v1/indicators/' + f.id + '/records?size=50').then(function (dd) {
      $('records-summary').textContent = dd.counting + '；共 ' + dd.total + ' 条';
      var body = $('records-table').querySelector('tbody');
      body.innerHTML = '';
      dd.items.forEach(function (r) {
        var tr = document.createElement('tr');
        [r.person, r.source, r.date || '', r.town || '', String(r.counts)].forEach(function (text) {
          var td = document.createElement('td');
          td.textContent = text;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    });
  }

  if (token) { start(); } else { showLogin(); }
})();
