// A report's page (org.w3id.fazhi.server.ReportPage): a click on a marked fact, program or agency
// shows its details (the mark's data-* attributes) in the box #mark-details. The page reads
// without it: every mark has a title.
(function () {
  'use strict';
  var box = document.getElementById('mark-details');
  if (!box) return;
  var FIELDS = [
    ['data-indicator', '指标 indicator', 'data-indicator-href'],
    ['data-counts', '计数 counts'],
    ['data-value', '数值 value'],
    ['data-unit', '单位 unit'],
    ['data-approximation', '近似 approximation'],
    ['data-program', '制度 program', 'data-program-href'],
    ['data-status', '状态 status'],
    ['data-agency', '机关 agency'],
    ['data-agency-kind', '类别 kind']
  ];
  var KINDS = { observation: '统计指标 Observation', number: '数字 Number', program: '制度 Program mention', agency: '机关 Agency' };
  var selected = null;

  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  function show(mark) {
    if (selected) selected.classList.remove('selected');
    selected = mark;
    mark.classList.add('selected');
    while (box.firstChild) box.removeChild(box.firstChild);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', 'close');
    close.textContent = '×';
    close.addEventListener('click', hide);
    box.appendChild(close);
    var head = document.createElement('strong');
    head.textContent = KINDS[mark.getAttribute('data-kind')] || 'Mark';
    box.appendChild(head);
    var dl = document.createElement('dl');
    FIELDS.forEach(function (f) {
      var v = mark.getAttribute(f[0]);
      if (v === null || v === '') return;
      var dt = document.createElement('dt');
      dt.textContent = f[1];
      var dd = document.createElement('dd');
      dd.className = f[0].substring(5);
      var href = f[2] && mark.getAttribute(f[2]);
      if (href) dd.appendChild(link(href, v)); else dd.textContent = v;
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    var quote = document.createElement('dt');
    quote.textContent = '原文 text';
    var words = document.createElement('dd');
    words.className = 'words';
    words.textContent = mark.textContent;
    dl.appendChild(quote);
    dl.appendChild(words);
    box.appendChild(dl);
    var href = mark.getAttribute('data-href');
    if (href) box.appendChild(link(href, 'All its data →'));
    box.hidden = false;
  }

  function hide() {
    box.hidden = true;
    if (selected) selected.classList.remove('selected');
    selected = null;
  }

  document.addEventListener('click', function (e) {
    var mark = e.target.closest ? e.target.closest('.text mark') : null;
    if (mark) show(mark);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') hide();
  });
})();
