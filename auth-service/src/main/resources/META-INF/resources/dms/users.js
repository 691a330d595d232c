/*
 * DMS users: how far the participant's users are on the way to 2FA (the summary), and the users
 * themselves, filtered and a page at a time. The filters and page live in the address, so reload
 * and Back show the same list.
 */
(function () {
  'use strict';

  var PAGE_SIZE = 20;
  var PREFIX = /^[A-Za-z0-9._-]{0,64}$/;

  CCMS.addMessages({
    en: {
      'dms.users.title': 'Users – DMS',
      'dms.users.heading': 'Users and their 2FA readiness',
      'dms.users.summary.heading': 'Your participant',
      'dms.users.summary.heading-participant': 'Participant {participant}',
      'dms.users.summary.users': 'Users',
      'dms.users.summary.enrolled': '2FA set up',
      'dms.users.summary.ready': 'Ready to set up 2FA',
      'dms.users.summary.without-email': 'No e-mail address',
      'dms.users.summary.not-migrated': 'Not yet migrated',
      'dms.users.summary.locked': 'Locked',
      'dms.users.summary.disabled': 'Disabled',
      'dms.users.summary.without-email-note': '{count} user(s) cannot set up 2FA until you register their e-mail address. Choose "No e-mail address" in the filter to list them.',
      'dms.users.requests-link.plain': 'Requests waiting for approval',
      'dms.users.requests-link': 'Requests waiting for approval: {count}',
      'dms.users.list.heading': 'Users',
      'dms.users.filter.readiness': '2FA readiness',
      'dms.users.filter.locked': 'Locked',
      'dms.users.filter.all': 'All',
      'dms.users.filter.locked-only': 'Locked only',
      'dms.users.filter.not-locked': 'Not locked',
      'dms.users.filter.prefix': 'User ID starts with',
      'dms.users.filter.prefix-hint': 'Letters, digits, ".", "_" or "-"',
      'dms.users.filter.prefix-invalid': 'A user ID has only letters, digits, ".", "_" or "-" (at most 64).',
      'dms.users.filter.submit': 'Show users',
      'dms.users.filter.clear': 'Clear filters',
      'dms.users.table.caption': 'Users of your participant, by user ID',
      'dms.users.col.user-id': 'User ID',
      'dms.users.col.name': 'Name',
      'dms.users.col.readiness': '2FA readiness',
      'dms.users.col.channel': 'OTP channel',
      'dms.users.col.locked': 'Locked',
      'dms.users.col.status': 'Status',
      'dms.users.none': 'No users match these filters.',
      'dms.users.found': '{total} user(s) found.',
      'dms.users.pager.label': 'Pages of users',
      'dms.users.pager.previous': 'Previous page',
      'dms.users.pager.next': 'Next page',
      'dms.users.pager.info': 'Page {page} of {pages}'
    },
    'zh-Hant': {
      'dms.users.title': '使用者 – DMS',
      'dms.users.heading': '使用者及其雙重身份驗證準備狀況',
      'dms.users.summary.heading': '貴參與者',
      'dms.users.summary.heading-participant': '結算參與者 {participant}',
      'dms.users.summary.users': '使用者',
      'dms.users.summary.enrolled': '已設定雙重身份驗證',
      'dms.users.summary.ready': '可設定雙重身份驗證',
      'dms.users.summary.without-email': '未登記電郵地址',
      'dms.users.summary.not-migrated': '尚未遷移',
      'dms.users.summary.locked': '已鎖定',
      'dms.users.summary.disabled': '已停用',
      'dms.users.summary.without-email-note': '有 {count} 位使用者須待您登記其電郵地址後才能設定雙重身份驗證。在篩選中選擇「未登記電郵地址」即可列出他們。',
      'dms.users.requests-link.plain': '待批核申請',
      'dms.users.requests-link': '待批核申請：{count}',
      'dms.users.list.heading': '使用者',
      'dms.users.filter.readiness': '雙重身份驗證準備狀況',
      'dms.users.filter.locked': '鎖定',
      'dms.users.filter.all': '全部',
      'dms.users.filter.locked-only': '只顯示已鎖定',
      'dms.users.filter.not-locked': '未鎖定',
      'dms.users.filter.prefix': '使用者編號開首為',
      'dms.users.filter.prefix-hint': '英文字母、數字、「.」、「_」或「-」',
      'dms.users.filter.prefix-invalid': '使用者編號只包含英文字母、數字、「.」、「_」或「-」（最多 64 個）。',
      'dms.users.filter.submit': '顯示使用者',
      'dms.users.filter.clear': '清除篩選',
      'dms.users.table.caption': '貴參與者的使用者（按使用者編號排列）',
      'dms.users.col.user-id': '使用者編號',
      'dms.users.col.name': '名稱',
      'dms.users.col.readiness': '雙重身份驗證準備狀況',
      'dms.users.col.channel': '一次性密碼接收方式',
      'dms.users.col.locked': '鎖定',
      'dms.users.col.status': '狀態',
      'dms.users.none': '沒有符合篩選條件的使用者。',
      'dms.users.found': '找到 {total} 位使用者。',
      'dms.users.pager.label': '使用者列表頁數',
      'dms.users.pager.previous': '上一頁',
      'dms.users.pager.next': '下一頁',
      'dms.users.pager.info': '第 {page} 頁，共 {pages} 頁'
    }
  });

  var t = CCMS.t;
  var el = DMS.el;
  var summary = null;
  var pendingCount = null;
  var listing = null;
  var query = { readiness: '', locked: '', prefix: '', page: 0 };

  function byId(id) { return document.getElementById(id); }

  function showError(text) { DMS.say(byId('error'), text); }

  /* ---- the summary ---- */

  function renderSummary() {
    var box = byId('readiness-summary');
    if (!summary) { return; }
    byId('summary-heading').textContent = t('dms.users.summary.heading-participant', { participant: summary.participantId || '' });
    var items = [
      ['users', 'users'], ['enrolled', 'enrolled'], ['readyToInitiate', 'ready'], ['withoutEmail', 'without-email'],
      ['notYetMigrated', 'not-migrated'], ['locked', 'locked'], ['disabled', 'disabled']
    ];
    DMS.clear(box).appendChild(el('dl', { className: 'summary' }, items.map(function (item) {
      return el('div', { dataset: { field: item[0] } }, [
        el('dt', { text: t('dms.users.summary.' + item[1]) }),
        el('dd', { id: 'summary-' + item[1], text: String(summary[item[0]]) })
      ]);
    })));
    var note = byId('summary-note');
    DMS.say(note, summary.withoutEmail > 0 ? t('dms.users.summary.without-email-note', { count: summary.withoutEmail }) : '');
  }

  function renderRequestsLink() {
    var link = byId('requests-link');
    if (pendingCount === null) { return; }
    link.removeAttribute('data-i18n');
    link.dataset.count = String(pendingCount);
    link.textContent = t('dms.users.requests-link', { count: pendingCount });
  }

  /* ---- the list ---- */

  function readQuery() {
    var readiness = DMS.param('readiness') || '';
    var locked = DMS.param('locked') || '';
    var prefix = DMS.param('prefix') || '';
    var page = parseInt(DMS.param('page') || '0', 10);
    query = {
      readiness: ['NO_EMAIL', 'READY_TO_INITIATE', 'ENROLLED'].indexOf(readiness) >= 0 ? readiness : '',
      locked: locked === 'true' || locked === 'false' ? locked : '',
      prefix: PREFIX.test(prefix) ? prefix : '',
      page: isFinite(page) && page > 0 ? page : 0
    };
    byId('filter-readiness').value = query.readiness;
    byId('filter-locked').value = query.locked;
    byId('filter-prefix').value = query.prefix;
  }

  function writeQuery() {
    var params = new URLSearchParams();
    if (query.readiness) { params.set('readiness', query.readiness); }
    if (query.locked) { params.set('locked', query.locked); }
    if (query.prefix) { params.set('prefix', query.prefix); }
    if (query.page) { params.set('page', String(query.page)); }
    var search = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (search ? '?' + search : ''));
  }

  function apiPath() {
    var params = new URLSearchParams();
    if (query.readiness) { params.set('readiness', query.readiness); }
    if (query.locked) { params.set('locked', query.locked); }
    if (query.prefix) { params.set('userIdPrefix', query.prefix); }
    params.set('page', String(query.page));
    params.set('size', String(PAGE_SIZE));
    return '/api/v1/dms/users?' + params.toString();
  }

  function loadUsers() {
    var submit = byId('filter-submit');
    CCMS.busy(submit, true);
    byId('users').setAttribute('aria-busy', 'true');
    writeQuery();
    return DMS.api('GET', apiPath()).then(function (result) {
      CCMS.busy(submit, false);
      byId('users').setAttribute('aria-busy', 'false');
      if (!result.ok) {
        showError(DMS.problemText(result));
        return;
      }
      showError('');
      listing = result.body;
      if (listing.totalPages > 0 && query.page >= listing.totalPages) {
        // the list got shorter (or the address asked for too far a page): show its last page
        query.page = listing.totalPages - 1;
        loadUsers();
        return;
      }
      renderUsers();
    });
  }

  function nameCell(user, own) {
    var children = [user.displayName || ''];
    if (user.type && user.type !== 'USER') {
      children.push(' ', el('span', { className: 'badge', text: t('dms.type.' + user.type) }));
    }
    if (own) { children.push(' ', t('dms.you')); }
    return el('td', {}, children);
  }

  function renderUsers() {
    if (!listing) { return; }
    var body = DMS.clear(byId('users').tBodies[0]);
    var me = DMS.session && DMS.session.userId;
    if (listing.items.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: '6', id: 'users-empty', text: t('dms.users.none') })));
    }
    listing.items.forEach(function (user) {
      var own = DMS.sameUser(user.userId, me);
      // a DA cannot open its own account in DMS (self-administration): no link to a page that would refuse
      body.appendChild(el('tr', { dataset: { userId: user.userId } }, [
        el('th', { scope: 'row' }, own ? user.userId : DMS.userLink(user.userId)),
        nameCell(user, own),
        el('td', {}, DMS.readinessBadge(user.readiness)),
        el('td', { text: DMS.channelText(user.otpChannel) }),
        el('td', { text: DMS.lockedText(user) }),
        el('td', { text: t('dms.status.' + user.status) })
      ]));
    });
    byId('users-status').textContent = t('dms.users.found', { total: listing.totalItems });
    var pager = byId('pager');
    pager.hidden = listing.totalPages <= 1;
    byId('page-info').textContent = t('dms.users.pager.info', { page: listing.page + 1, pages: Math.max(1, listing.totalPages) });
    byId('page-prev').disabled = listing.page <= 0;
    byId('page-next').disabled = listing.page + 1 >= listing.totalPages;
  }

  function applyFilters() {
    var prefixInput = byId('filter-prefix');
    var prefix = prefixInput.value.trim();
    if (!PREFIX.test(prefix)) {
      prefixInput.setAttribute('aria-invalid', 'true');
      showError(t('dms.users.filter.prefix-invalid'));
      prefixInput.focus();
      return;
    }
    prefixInput.removeAttribute('aria-invalid');
    query = {
      readiness: byId('filter-readiness').value,
      locked: byId('filter-locked').value,
      prefix: prefix,
      page: 0
    };
    loadUsers();
  }

  function wire() {
    byId('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      applyFilters();
    });
    // choosing from a list filters at once; the prefix waits for Enter or "Show users"
    byId('filter-readiness').addEventListener('change', applyFilters);
    byId('filter-locked').addEventListener('change', applyFilters);
    byId('filter-clear').addEventListener('click', function () {
      byId('filter-readiness').value = '';
      byId('filter-locked').value = '';
      byId('filter-prefix').value = '';
      applyFilters();
    });
    byId('page-prev').addEventListener('click', function () {
      if (query.page > 0) { query.page -= 1; loadUsers(); }
    });
    byId('page-next').addEventListener('click', function () {
      if (listing && query.page + 1 < listing.totalPages) { query.page += 1; loadUsers(); }
    });
  }

  DMS.onLanguage(function () {
    renderSummary();
    renderRequestsLink();
    renderUsers();
  });

  DMS.ready(function () {
    wire();
    readQuery();
    DMS.start('users').then(function () {
      DMS.api('GET', '/api/v1/dms/users/readiness-summary').then(function (result) {
        if (!result.ok) {
          DMS.clear(byId('readiness-summary'));
          showError(DMS.problemText(result));
          return;
        }
        summary = result.body;
        renderSummary();
      });
      DMS.pending.then(function (result) {
        if (result.ok) {
          pendingCount = result.body.totalItems;
          renderRequestsLink();
        }
      });
      loadUsers();
    });
  });
})();
