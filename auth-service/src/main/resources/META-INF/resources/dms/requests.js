/*
 * The maker-checker queue of the DA's participant. A second DA approves or rejects what another
 * DA asked for; the maker sees that the request waits for someone else and may withdraw it (a
 * rejection by the maker). Decided and expired requests are listed below, newest first.
 */
(function () {
  'use strict';

  var CLOSED_STEP = 50;
  var CLOSED_STATUSES = ['APPROVED', 'REJECTED', 'EXPIRED'];

  CCMS.addMessages({
    en: {
      'dms.requests.title': 'Requests – DMS',
      'dms.requests.heading': 'Maker–checker requests',
      'dms.requests.intro': 'E-mail changes and 2FA resets asked for by one Delegated Administrator take effect only when a second Delegated Administrator of your participant approves them. Requests not decided in time expire.',
      'dms.requests.pending.heading': 'Waiting for approval',
      'dms.requests.pending.caption': 'Requests waiting for a second Delegated Administrator, newest first',
      'dms.requests.pending.none': 'No requests are waiting for approval.',
      'dms.requests.pending.more': 'Showing the {shown} newest of {total} waiting requests. Decide these to see the others.',
      'dms.requests.closed.heading': 'Decided and expired requests',
      'dms.requests.closed.caption': 'Requests approved, rejected, withdrawn or expired, newest first',
      'dms.requests.closed.none': 'No request has been decided or has expired yet.',
      'dms.requests.closed.more': 'Show older requests',
      'dms.requests.col.request': 'Request',
      'dms.requests.col.user': 'User',
      'dms.requests.col.requested-by': 'Requested by',
      'dms.requests.col.requested-at': 'Requested at',
      'dms.requests.col.expires': 'Expires',
      'dms.requests.col.action': 'Decision',
      'dms.requests.col.outcome': 'Outcome',
      'dms.requests.col.decided-by': 'Decided by',
      'dms.requests.col.decided-at': 'Decided at',
      'dms.requests.waiting-for-other': 'Waiting for another Delegated Administrator',
      'dms.requests.own-account': 'About your own account: another Delegated Administrator must approve it',
      'dms.requests.approve': 'Approve',
      'dms.requests.reject': 'Reject',
      'dms.requests.withdraw': 'Withdraw',
      'dms.requests.approve.label': 'Approve request {id} for {user}: {what}',
      'dms.requests.reject.label': 'Reject request {id} for {user}: {what}',
      'dms.requests.withdraw.label': 'Withdraw your request {id} for {user}: {what}',
      'dms.requests.result.approved': 'Approved for {user}: {what}. The change has taken effect.',
      'dms.requests.result.rejected': 'Rejected for {user}: {what}. Nothing was changed.',
      'dms.requests.result.withdrawn': 'Withdrawn: your request for {user} ({what}). Nothing was changed.',
      'dms.requests.not-decided': '–'
    },
    'zh-Hant': {
      'dms.requests.title': '申請 – DMS',
      'dms.requests.heading': '雙人覆核申請',
      'dms.requests.intro': '由一位授權管理人士提出的電郵地址更改及雙重身份驗證重設，須待 貴參與者的另一位授權管理人士批准後才會生效。未於限期前處理的申請會過期。',
      'dms.requests.pending.heading': '等待批核',
      'dms.requests.pending.caption': '等待另一位授權管理人士批核的申請（最新的排在最前）',
      'dms.requests.pending.none': '沒有等待批核的申請。',
      'dms.requests.pending.more': '正顯示 {total} 項待批核申請中最新的 {shown} 項。處理這些申請後即可看到其餘申請。',
      'dms.requests.closed.heading': '已處理及已過期的申請',
      'dms.requests.closed.caption': '已批准、已拒絕、已撤回或已過期的申請（最新的排在最前）',
      'dms.requests.closed.none': '暫時沒有已處理或已過期的申請。',
      'dms.requests.closed.more': '顯示較早的申請',
      'dms.requests.col.request': '申請',
      'dms.requests.col.user': '使用者',
      'dms.requests.col.requested-by': '提出人',
      'dms.requests.col.requested-at': '提出時間',
      'dms.requests.col.expires': '過期時間',
      'dms.requests.col.action': '決定',
      'dms.requests.col.outcome': '結果',
      'dms.requests.col.decided-by': '處理人',
      'dms.requests.col.decided-at': '處理時間',
      'dms.requests.waiting-for-other': '等待另一位授權管理人士批核',
      'dms.requests.own-account': '涉及您自己的帳戶：須由另一位授權管理人士批准',
      'dms.requests.approve': '批准',
      'dms.requests.reject': '拒絕',
      'dms.requests.withdraw': '撤回',
      'dms.requests.approve.label': '批准 {user} 的申請 {id}：{what}',
      'dms.requests.reject.label': '拒絕 {user} 的申請 {id}：{what}',
      'dms.requests.withdraw.label': '撤回您為 {user} 提出的申請 {id}：{what}',
      'dms.requests.result.approved': '已批准 {user} 的申請：{what}。更改已經生效。',
      'dms.requests.result.rejected': '已拒絕 {user} 的申請：{what}。沒有作出任何更改。',
      'dms.requests.result.withdrawn': '已撤回您為 {user} 提出的申請（{what}）。沒有作出任何更改。',
      'dms.requests.not-decided': '–'
    }
  });

  var t = CCMS.t;
  var el = DMS.el;
  var pending = null;
  var closed = null;
  var closedLimit = CLOSED_STEP;
  var lastResult = null;
  var lastError = null;

  function byId(id) { return document.getElementById(id); }

  function me() { return DMS.session && DMS.session.userId; }

  function renderMessages() {
    DMS.say(byId('action-result'), lastResult ? lastResult() : '');
    DMS.say(byId('error'), lastError ? lastError() : '');
  }

  function whoCell(userId) {
    return el('td', {}, DMS.sameUser(userId, me()) ? [userId, ' ', t('dms.you')] : userId);
  }

  /** The user concerned: a link to the user's page, except for the DA's own account (which DMS refuses to open). */
  function userCell(userId) {
    return el('td', {}, DMS.sameUser(userId, me()) ? [userId, ' ', t('dms.you')] : DMS.userLink(userId));
  }

  function button(kind, request, labelKey, textKey) {
    var vars = { id: request.id, what: DMS.kindText(request), user: request.userId };
    return el('button', {
      type: 'button',
      className: kind + (kind === 'approve' ? '' : ' secondary'),
      dataset: { requestId: String(request.id) },
      'aria-label': t(labelKey, vars),
      text: t(textKey)
    });
  }

  function decisionCell(request) {
    var children = [];
    if (DMS.sameUser(request.requestedBy, me())) {
      children.push(el('span', { className: 'waiting', text: t('dms.requests.waiting-for-other') }),
        button('reject', request, 'dms.requests.withdraw.label', 'dms.requests.withdraw'));
    } else if (DMS.sameUser(request.userId, me())) {
      children.push(el('span', { className: 'waiting', text: t('dms.requests.own-account') }),
        button('reject', request, 'dms.requests.reject.label', 'dms.requests.reject'));
    } else {
      children.push(button('approve', request, 'dms.requests.approve.label', 'dms.requests.approve'),
        button('reject', request, 'dms.requests.reject.label', 'dms.requests.reject'));
    }
    return el('td', {}, el('div', { className: 'actions' }, children));
  }

  function renderPending() {
    if (!pending) { return; }
    var body = DMS.clear(byId('pending-requests').tBodies[0]);
    if (pending.items.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: '6', id: 'pending-none', text: t('dms.requests.pending.none') })));
    }
    pending.items.forEach(function (request) {
      body.appendChild(el('tr', { id: 'request-' + request.id, dataset: { requestId: String(request.id), kind: request.kind, userId: request.userId } }, [
        el('th', { scope: 'row', text: DMS.kindText(request) }),
        userCell(request.userId),
        whoCell(request.requestedBy),
        el('td', { text: CCMS.hkTime(request.requestedAt) }),
        el('td', { text: CCMS.hkTime(request.expiresAt) }),
        decisionCell(request)
      ]));
    });
    var more = byId('pending-more');
    DMS.say(more, pending.totalItems > pending.items.length
      ? t('dms.requests.pending.more', { shown: pending.items.length, total: pending.totalItems }) : '');
  }

  function renderClosed() {
    if (!closed) { return; }
    var body = DMS.clear(byId('closed-requests').tBodies[0]);
    if (closed.items.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: '7', id: 'closed-none', text: t('dms.requests.closed.none') })));
    }
    closed.items.forEach(function (request) {
      body.appendChild(el('tr', { id: 'closed-request-' + request.id, dataset: { requestId: String(request.id), status: DMS.requestStatus(request) } }, [
        el('th', { scope: 'row', text: DMS.kindText(request) }),
        userCell(request.userId),
        whoCell(request.requestedBy),
        el('td', { text: CCMS.hkTime(request.requestedAt) }),
        el('td', {}, DMS.requestStatusBadge(request)),
        request.decidedBy ? whoCell(request.decidedBy) : el('td', { text: t('dms.requests.not-decided') }),
        el('td', { text: request.decidedAt ? CCMS.hkTime(request.decidedAt) : t('dms.requests.not-decided') })
      ]));
    });
    byId('closed-more').hidden = !closed.more;
  }

  function loadPending() {
    return DMS.pendingRequests().then(function (result) {
      byId('pending-requests').setAttribute('aria-busy', 'false');
      if (!result.ok) {
        lastError = function () { return DMS.problemText(result); };
        renderMessages();
        return;
      }
      pending = result.body;
      DMS.setPendingCount(pending.totalItems);
      renderPending();
    });
  }

  /** The newest `limit` requests of one status (the server sorts by requestedAt, newest first). */
  function newest(status, limit) {
    var size = Math.min(limit, DMS.MAX_PAGE);
    var pages = Math.ceil(limit / size);
    var items = [];
    function page(number) {
      return DMS.api('GET', '/api/v1/dms/requests?status=' + status + '&page=' + number + '&size=' + size).then(function (result) {
        if (!result.ok) { return result; }
        items = items.concat(result.body.items);
        if (number + 1 < pages && number + 1 < result.body.totalPages) { return page(number + 1); }
        return { ok: true, items: items, total: result.body.totalItems };
      });
    }
    return page(0);
  }

  function byRequestedAtDesc(a, b) {
    var difference = new Date(b.requestedAt).getTime() - new Date(a.requestedAt).getTime();
    return difference !== 0 ? difference : b.id - a.id;
  }

  /**
   * Decided and expired requests, newest first: the newest `closedLimit` of each closed status,
   * merged, hold the newest `closedLimit` of all of them.
   */
  function loadClosed() {
    var more = byId('closed-more');
    CCMS.busy(more, true);
    return Promise.all(CLOSED_STATUSES.map(function (status) { return newest(status, closedLimit); })).then(function (answers) {
      CCMS.busy(more, false);
      byId('closed-requests').setAttribute('aria-busy', 'false');
      var failed = answers.filter(function (answer) { return !answer.ok; })[0];
      if (failed) {
        lastError = function () { return DMS.problemText(failed); };
        renderMessages();
        return;
      }
      var all = answers.reduce(function (sum, answer) { return sum.concat(answer.items); }, []).sort(byRequestedAtDesc);
      var total = answers.reduce(function (sum, answer) { return sum + answer.total; }, 0);
      closed = { items: all.slice(0, closedLimit), more: total > closedLimit };
      renderClosed();
    });
  }

  function reload() {
    return Promise.all([loadPending(), loadClosed()]);
  }

  function decide(target) {
    var id = target.dataset.requestId;
    var approve = target.classList.contains('approve');
    var request = (pending && pending.items || []).filter(function (item) { return String(item.id) === id; })[0];
    lastResult = null;
    lastError = null;
    renderMessages();
    CCMS.busy(target, true);
    DMS.api('POST', '/api/v1/dms/requests/' + encodeURIComponent(id) + (approve ? '/approval' : '/rejection')).then(function (result) {
      CCMS.busy(target, false);
      if (!result.ok) {
        lastError = function () { return DMS.problemText(result); };
        var slug = CCMS.problemSlug(result);
        if (slug === 'request-closed' || slug === 'request-not-found') { reload(); }
        renderMessages();
        return;
      }
      var decided = result.body || request;
      var key = approve ? 'dms.requests.result.approved'
        : DMS.sameUser(decided.requestedBy, me()) ? 'dms.requests.result.withdrawn' : 'dms.requests.result.rejected';
      lastResult = function () { return t(key, { what: DMS.kindText(decided), user: decided.userId }); };
      renderMessages();
      reload().then(function () { byId('pending-heading').focus(); });
    });
  }

  function wire() {
    // one listener for every row's buttons, also for rows drawn later
    byId('pending-requests').addEventListener('click', function (event) {
      var target = event.target.closest('button.approve, button.reject');
      if (target && !target.disabled) { decide(target); }
    });
    byId('closed-more').addEventListener('click', function () {
      closedLimit += CLOSED_STEP;
      loadClosed();
    });
  }

  DMS.onLanguage(function () {
    renderPending();
    renderClosed();
    renderMessages();
  });

  DMS.ready(function () {
    wire();
    DMS.start('requests').then(reload);
  });
})();
