/*
 * The operations console: the data-centre state of this DC and its peer, replication, quarantine,
 * two-person approvals and the history, refreshed every 2 seconds; and the operators' actions
 * (switch-over, fail-over, open and close a session, quarantine decisions, approvals), each with a
 * reason and a confirmation dialog.
 *
 * One reason field, one confirmation dialog and one result line serve every action. A refresh
 * never touches what the operator is typing or has selected, and re-draws a table only when its
 * content changed, so that keyboard focus on its buttons survives. Data from the server is only
 * ever set as text, never as HTML.
 */
(function () {
  'use strict';

  var POLL_MILLIS = 2000;
  // The state and the replication lag every poll; the state digest (a hash over every account at
  // auth-service), the quarantine and the approvals every few polls and after every action.
  var FULL_REFRESH_EVERY = 5;
  var polls = 0;
  var API = '/api/v1/operations/datacentre';
  var SESSION_PATH = '/api/v1/console/session';
  var LOGOUT_PATH = '/api/v1/console/session/logout';
  var MAX_REASON = 500;
  var CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

  CCMS.addMessages({
    en: {
      'console.title': 'Operations console',
      'value.none': '–',
      'value.yes': 'Yes',
      'value.no': 'No',
      'value.never': 'never',
      'state.heading': 'Data-centre state',
      'state.active-dc': 'Active data centre:',
      'state.this-dc-active': 'This data centre is active',
      'state.this-dc-not-active': 'This data centre is not active',
      'state.this-dc': 'This data centre',
      'state.epoch': 'Epoch',
      'state.revision': 'Revision',
      'state.mode': 'Mode',
      'state.handing-over-to': 'Handing over to',
      'state.open-session': 'Open session',
      'state.business-functions': 'Business functions',
      'state.carry-forward': 'Changes carried forward',
      'state.confirmed': 'State confirmed with the peer',
      'state.peer': 'Peer data centre',
      'state.updated-at': 'Last changed',
      'state.version': 'State version',
      'mode.NORMAL': 'Normal production',
      'mode.FAILED_OVER': 'Failed over (disaster)',
      'role.PRIMARY': 'primary',
      'role.SECONDARY': 'secondary',
      'dc.describe': '{id} – {name} ({role})',
      'session.none': 'No session is open',
      'session.describe': '{name} at {dc}; window {window}; opened {openedAt}',
      'session.outside-window': ' (opened outside its window)',
      'window.dated': '{date} {start}–{end} HKT',
      'window.daily': 'daily {start}–{end} HKT',
      'functions.available': 'Available',
      'functions.not-available': 'Not available ("Function not available")',
      'carry.yes': 'Yes',
      'carry.no': 'No – the session\'s changes are discarded when it closes',
      'confirmed.yes': 'Yes',
      'confirmed.no': 'No – this data centre does not act as active until it has exchanged state with its peer',
      'peer.not-configured': '{id}: not configured (single data centre)',
      'peer.reachable': '{id}: reachable (last contact {time})',
      'peer.unreachable': '{id}: NOT reachable (last contact {time})',
      'actions.heading': 'Actions',
      'actions.reason': 'Reason (required)',
      'actions.reason.hint': 'Recorded in the history with your user ID; one line, at most 500 characters. Used by every action on this page.',
      'actions.reason.missing': 'Enter the reason for this action.',
      'actions.reason.invalid': 'The reason must be one line of at most 500 characters.',
      'actions.session': 'Session to open',
      'actions.session.option': '{name} – {dc}, {window}',
      'actions.session.none': 'No session is configured.',
      'actions.switch-over': 'Switch over to {dc}',
      'actions.fail-over': 'Fail over to {dc}',
      'actions.open-session': 'Open session',
      'actions.close-session': 'Close session',
      'actions.not-loaded': 'The state has not been loaded yet. Wait a moment and try again.',
      'confirm.reason': 'Reason:',
      'confirm.requester-reason': 'Reason given by {user}:',
      'confirm.confirm': 'Confirm',
      'confirm.cancel': 'Cancel',
      'confirm.switch-over.title': 'Switch over to {to}?',
      'confirm.switch-over.text': 'Planned switch-over: account writes at {from} stop while replication to {to} drains (at most the drain timeout). Then {to} becomes the active data centre under epoch {epoch}. If replication does not drain in time, nothing changes and writes resume at {from}.',
      'confirm.fail-over.title': 'Fail over to {dc}?',
      'confirm.fail-over.text': 'Disaster fail-over: {dc} becomes the active data centre under epoch {epoch} without {peer}. This is refused while {peer} can be reached (use a planned switch-over then). An open session ends. Writes that {peer} takes meanwhile are quarantined when it comes back.',
      'confirm.open-session.title': 'Open {name}?',
      'confirm.open-session.text': 'Open {name} at {dc} (window {window}). While it is open, business functions are {functions} and account changes are {carry}.',
      'confirm.functions.available': 'available',
      'confirm.functions.not-available': 'NOT available ("Function not available")',
      'confirm.carry.yes': 'carried forward',
      'confirm.carry.no': 'discarded when the session closes',
      'confirm.close-session.title': 'Close {name}?',
      'confirm.close-session.text': 'Close {name}: business functions become available again and account changes carry forward.',
      'confirm.close-session.discard': ' The account changes made during {name} are discarded.',
      'confirm.close-session.none': 'Close the open session: business functions become available again and account changes carry forward.',
      'confirm.reapply.title': 'Re-apply quarantined write {id}?',
      'confirm.reapply.text': 'Re-apply the write to account {user} (epoch {epoch}, never replicated) at the active data centre as a new change.',
      'confirm.drop.title': 'Drop quarantined write {id}?',
      'confirm.drop.text': 'Drop the write to account {user} (epoch {epoch}, never replicated) for good. This cannot be undone.',
      'confirm.approve.title': 'Approve request {id}?',
      'confirm.approve.text': 'Approve {user}\'s request to {what}. It runs now and is recorded with both of you.',
      'confirm.reject.title': 'Reject request {id}?',
      'confirm.reject.text': 'Reject {user}\'s request to {what}. It will never run.',
      'confirm.withdraw.title': 'Withdraw your request {id}?',
      'confirm.withdraw.text': 'Withdraw your request to {what}. It will never run.',
      'what.SWITCH_OVER': 'switch over to {target}',
      'what.FAIL_OVER': 'fail over to {target}',
      'what.OPEN_SESSION': 'open {session}',
      'what.CLOSE_SESSION': 'close the open session',
      'what.REAPPLY_QUARANTINE': 're-apply quarantined write {quarantine}',
      'what.DROP_QUARANTINE': 'drop quarantined write {quarantine}',
      'result.SWITCHED_OVER': 'Switched over: {active} is the active data centre under epoch {epoch}.',
      'result.FAILED_OVER': 'Failed over: {active} is the active data centre under epoch {epoch}.',
      'result.SESSION_OPENED': '{session} is open.',
      'result.SESSION_CLOSED': 'The session is closed; business functions are available again.',
      'result.done': 'Done: epoch {epoch}, revision {revision}.',
      'result.unavailable-millis': ' Account writes were refused for {ms}.',
      'result.peer-warning': ' The peer has not acknowledged the new state yet; it takes it over at its next exchange.',
      'result.discard-pending': ' This data centre\'s auth-service has not discarded the session\'s changes yet; it does so at its next update.',
      'result.auth-not-acknowledged': ' This data centre\'s auth-service has not acknowledged the new state yet; it is told again shortly.',
      'result.quarantine': 'Quarantined write {id} of {user}: {status}.',
      'result.waiting': 'Waiting for a second operator: request {id} ({what}) can be approved by another operator until {time}.',
      'result.approved': 'Request {id} approved and carried out.',
      'result.rejected': 'Request {id} rejected.',
      'quarantine.status.OPEN': 'open',
      'quarantine.status.REAPPLIED': 're-applied',
      'quarantine.status.DROPPED': 'dropped',
      'error.state-changed': 'The state changed meanwhile; review and try again.',
      'error.not-active-dc': 'This data centre is not the active one ({dc} is). Make this change at the active data centre.',
      'error.already-active': 'That data centre is already active.',
      'error.session-open': 'A session is open ({session}); close it first.',
      'error.no-session-open': 'No session is open.',
      'error.session-dc-not-active': 'That session runs at a data centre that is not active.',
      'error.unknown-session': 'That session is not configured.',
      'error.handover-in-progress': 'A planned switch-over is in progress; wait until it has finished.',
      'error.peer-reachable': 'The peer data centre can be reached: use a planned switch-over, not a fail-over.',
      'error.peer-unreachable': 'The peer data centre cannot be reached, so nothing changed. If it is lost, use fail-over.',
      'error.switch-over-not-drained': 'Replication did not drain in time ({pending} changes pending). The switch-over was aborted and writes resumed here.',
      'error.invalid-target': 'That data centre cannot be the target of this action.',
      'error.approval-by-requester': 'Another operator must approve your request.',
      'error.approval-decided': 'That request has already been decided.',
      'error.approval-expired': 'That request has expired; ask again.',
      'error.unknown-approval': 'That request does not exist.',
      'error.quarantine-decided': 'That quarantined write has already been decided.',
      'error.not-found': 'It no longer exists.',
      'approvals.heading': 'Waiting for a second operator',
      'approvals.hint': 'With two-person approval on, every action waits here until a different operator approves it.',
      'approvals.id': 'Request',
      'approvals.action': 'Action',
      'approvals.requested-by': 'Requested by',
      'approvals.reason': 'Reason',
      'approvals.expires-at': 'Approve by',
      'approvals.decide': 'Decision',
      'approvals.approve': 'Approve',
      'approvals.reject': 'Reject',
      'approvals.withdraw': 'Withdraw',
      'approvals.own': 'Your request: another operator approves it.',
      'approvals.empty': 'No request is waiting.',
      'replication.heading': 'Replication at this data centre',
      'replication.unavailable': 'auth-service cannot report its replication status right now.',
      'replication.pending-changes': 'Pending changes',
      'replication.oldest-pending': 'Oldest pending change',
      'replication.lag': 'Lag p50 / p99',
      'replication.lag-value': '{p50} / {p99}',
      'replication.last-shipped': 'Last shipped',
      'replication.last-shipped-value': 'sequence {seq} at {time}',
      'replication.last-error': 'Last shipping error',
      'replication.applied-from-peer': 'Last applied from the peer',
      'replication.applied-value': 'epoch {epoch}, sequence {seq} at {time}',
      'replication.writable': 'Account writes accepted here',
      'replication.open-quarantine': 'Open quarantine entries',
      'replication.accounts': 'Accounts at this data centre',
      'replication.digest': 'State digest (SHA-256)',
      'replication.last-published': 'State last acknowledged by auth-service',
      'duration.millis': '{n} ms',
      'duration.seconds': '{n} s',
      'quarantine.heading': 'Quarantined writes',
      'quarantine.hint': 'Account writes a fenced data centre made under an old epoch and never replicated. Re-apply or drop each one; the reason above is recorded.',
      'quarantine.unavailable': 'auth-service cannot list its quarantine right now.',
      'quarantine.id': 'Entry',
      'quarantine.user': 'Account',
      'quarantine.epoch': 'Epoch',
      'quarantine.fields': 'Changed fields',
      'quarantine.quarantined-at': 'Quarantined at',
      'quarantine.status': 'Status',
      'quarantine.decide': 'Decision',
      'quarantine.reapply': 'Re-apply',
      'quarantine.drop': 'Drop',
      'quarantine.reapply.label': 'Re-apply quarantined write {id} of {user}',
      'quarantine.drop.label': 'Drop quarantined write {id} of {user}',
      'quarantine.decided': '{status} by {user} at {time}',
      'quarantine.empty': 'Nothing is quarantined.',
      'history.heading': 'History (latest first)',
      'history.time': 'Time',
      'history.kind': 'Change',
      'history.actor': 'Operator',
      'history.approver': 'Approved by',
      'history.reason': 'Reason',
      'history.state': 'State entered',
      'history.kind-at': '{kind} (at {dc})',
      'history.state-value': 'epoch {epoch} · {active} active · {mode}',
      'history.state-session': ' · {session} open',
      'history.state-handover': ' · handing over to {dc}',
      'history.service': 'the service',
      'history.scheduler': 'scheduler (session windows)',
      'kind.INITIALISED': 'Initialised',
      'kind.SWITCHED_OVER': 'Switched over',
      'kind.FAILED_OVER': 'Failed over',
      'kind.SESSION_OPENED': 'Session opened',
      'kind.SESSION_CLOSED': 'Session closed',
      'kind.ADOPTED_FROM_PEER': 'Taken over from the peer',
      'kind.HANDOVER_STARTED': 'Hand-over started',
      'kind.HANDOVER_ABORTED': 'Hand-over aborted',
      'kind.QUARANTINE_REAPPLIED': 'Quarantined write re-applied',
      'kind.QUARANTINE_DROPPED': 'Quarantined write dropped'
    },
    'zh-Hant': {
      'console.title': '營運控制台',
      'value.none': '–',
      'value.yes': '是',
      'value.no': '否',
      'value.never': '從未',
      'state.heading': '數據中心狀態',
      'state.active-dc': '現行數據中心：',
      'state.this-dc-active': '本數據中心為現行數據中心',
      'state.this-dc-not-active': '本數據中心並非現行數據中心',
      'state.this-dc': '本數據中心',
      'state.epoch': '紀元',
      'state.revision': '修訂號',
      'state.mode': '模式',
      'state.handing-over-to': '正移交至',
      'state.open-session': '開啟中的時段',
      'state.business-functions': '業務功能',
      'state.carry-forward': '變更是否結轉',
      'state.confirmed': '已與對端確認狀態',
      'state.peer': '對端數據中心',
      'state.updated-at': '最後更改',
      'state.version': '狀態版本',
      'mode.NORMAL': '正常運作',
      'mode.FAILED_OVER': '已災難切換',
      'role.PRIMARY': '主數據中心',
      'role.SECONDARY': '後備數據中心',
      'dc.describe': '{id} – {name}（{role}）',
      'session.none': '沒有開啟中的時段',
      'session.describe': '{name}，於 {dc}；時段 {window}；於 {openedAt} 開啟',
      'session.outside-window': '（於時段以外開啟）',
      'window.dated': '{date} {start}–{end}（香港時間）',
      'window.daily': '每日 {start}–{end}（香港時間）',
      'functions.available': '可用',
      'functions.not-available': '不可用（「功能暫不可用」）',
      'carry.yes': '是',
      'carry.no': '否 — 時段結束時捨棄該時段內的變更',
      'confirmed.yes': '是',
      'confirmed.no': '否 — 本數據中心與對端交換狀態前不會作為現行數據中心運作',
      'peer.not-configured': '{id}：未設定（單一數據中心）',
      'peer.reachable': '{id}：可連接（最後聯絡 {time}）',
      'peer.unreachable': '{id}：無法連接（最後聯絡 {time}）',
      'actions.heading': '操作',
      'actions.reason': '原因（必填）',
      'actions.reason.hint': '連同您的使用者編號記錄於記錄中；單行，最多 500 個字元。本頁所有操作均使用此欄。',
      'actions.reason.missing': '請輸入此操作的原因。',
      'actions.reason.invalid': '原因須為單行，最多 500 個字元。',
      'actions.session': '要開啟的時段',
      'actions.session.option': '{name} – {dc}，{window}',
      'actions.session.none': '沒有已設定的時段。',
      'actions.switch-over': '計劃切換至 {dc}',
      'actions.fail-over': '災難切換至 {dc}',
      'actions.open-session': '開啟時段',
      'actions.close-session': '關閉時段',
      'actions.not-loaded': '狀態尚未載入，請稍候再試。',
      'confirm.reason': '原因：',
      'confirm.requester-reason': '{user} 提出的原因：',
      'confirm.confirm': '確認',
      'confirm.cancel': '取消',
      'confirm.switch-over.title': '計劃切換至 {to}？',
      'confirm.switch-over.text': '計劃切換：{from} 暫停接受帳戶寫入，直至往 {to} 的數據複製完成（不超過設定時限），然後 {to} 以紀元 {epoch} 成為現行數據中心。如複製未能及時完成，一切不變，{from} 恢復接受寫入。',
      'confirm.fail-over.title': '災難切換至 {dc}？',
      'confirm.fail-over.text': '災難切換：{dc} 在沒有 {peer} 的情況下以紀元 {epoch} 成為現行數據中心。如仍可連接 {peer}，系統會拒絕（請改用計劃切換）。開啟中的時段會結束。{peer} 恢復後，其期間接受的寫入會被隔離。',
      'confirm.open-session.title': '開啟 {name}？',
      'confirm.open-session.text': '於 {dc} 開啟 {name}（時段 {window}）。開啟期間業務功能{functions}，帳戶變更{carry}。',
      'confirm.functions.available': '可用',
      'confirm.functions.not-available': '不可用（「功能暫不可用」）',
      'confirm.carry.yes': '會結轉',
      'confirm.carry.no': '會於時段結束時捨棄',
      'confirm.close-session.title': '關閉 {name}？',
      'confirm.close-session.text': '關閉 {name}：業務功能恢復可用，帳戶變更會結轉。',
      'confirm.close-session.discard': '{name} 期間的帳戶變更會被捨棄。',
      'confirm.close-session.none': '關閉開啟中的時段：業務功能恢復可用，帳戶變更會結轉。',
      'confirm.reapply.title': '重新套用隔離寫入 {id}？',
      'confirm.reapply.text': '於現行數據中心將帳戶 {user} 的寫入（紀元 {epoch}，從未複製）作為新變更重新套用。',
      'confirm.drop.title': '捨棄隔離寫入 {id}？',
      'confirm.drop.text': '永久捨棄帳戶 {user} 的寫入（紀元 {epoch}，從未複製）。此操作無法復原。',
      'confirm.approve.title': '批准請求 {id}？',
      'confirm.approve.text': '批准 {user} 的請求：{what}。操作會立即執行，並記錄你們兩人的使用者編號。',
      'confirm.reject.title': '拒絕請求 {id}？',
      'confirm.reject.text': '拒絕 {user} 的請求：{what}。該操作不會執行。',
      'confirm.withdraw.title': '撤回您的請求 {id}？',
      'confirm.withdraw.text': '撤回您的請求：{what}。該操作不會執行。',
      'what.SWITCH_OVER': '計劃切換至 {target}',
      'what.FAIL_OVER': '災難切換至 {target}',
      'what.OPEN_SESSION': '開啟 {session}',
      'what.CLOSE_SESSION': '關閉開啟中的時段',
      'what.REAPPLY_QUARANTINE': '重新套用隔離寫入 {quarantine}',
      'what.DROP_QUARANTINE': '捨棄隔離寫入 {quarantine}',
      'result.SWITCHED_OVER': '已計劃切換：{active} 以紀元 {epoch} 成為現行數據中心。',
      'result.FAILED_OVER': '已災難切換：{active} 以紀元 {epoch} 成為現行數據中心。',
      'result.SESSION_OPENED': '{session} 已開啟。',
      'result.SESSION_CLOSED': '時段已關閉，業務功能恢復可用。',
      'result.done': '已完成：紀元 {epoch}，修訂號 {revision}。',
      'result.unavailable-millis': '帳戶寫入暫停了 {ms}。',
      'result.peer-warning': '對端尚未確認新狀態，將於下次交換時接收。',
      'result.discard-pending': '本數據中心的 auth-service 尚未捨棄該時段的變更，將於下次更新時處理。',
      'result.auth-not-acknowledged': '本數據中心的 auth-service 尚未確認新狀態，系統稍後會再通知。',
      'result.quarantine': '{user} 的隔離寫入 {id}：{status}。',
      'result.waiting': '等待另一名操作員批准：請求 {id}（{what}）須於 {time} 前由另一名操作員批准。',
      'result.approved': '請求 {id} 已批准並執行。',
      'result.rejected': '請求 {id} 已拒絕。',
      'quarantine.status.OPEN': '待處理',
      'quarantine.status.REAPPLIED': '已重新套用',
      'quarantine.status.DROPPED': '已捨棄',
      'error.state-changed': '狀態已同時被更改，請檢視後再試。',
      'error.not-active-dc': '本數據中心並非現行數據中心（現行為 {dc}）。請於現行數據中心進行此更改。',
      'error.already-active': '該數據中心已是現行數據中心。',
      'error.session-open': '已有開啟中的時段（{session}），請先關閉。',
      'error.no-session-open': '沒有開啟中的時段。',
      'error.session-dc-not-active': '該時段所屬的數據中心並非現行數據中心。',
      'error.unknown-session': '沒有設定該時段。',
      'error.handover-in-progress': '計劃切換正在進行，請待其完成。',
      'error.peer-reachable': '仍可連接對端數據中心：請使用計劃切換，而非災難切換。',
      'error.peer-unreachable': '無法連接對端數據中心，一切不變。如對端已失去，請使用災難切換。',
      'error.switch-over-not-drained': '數據複製未能及時完成（尚有 {pending} 項變更）。計劃切換已中止，本數據中心已恢復接受寫入。',
      'error.invalid-target': '該數據中心不能作為此操作的目標。',
      'error.approval-by-requester': '您的請求須由另一名操作員批准。',
      'error.approval-decided': '該請求已有決定。',
      'error.approval-expired': '該請求已過期，請重新提出。',
      'error.unknown-approval': '該請求不存在。',
      'error.quarantine-decided': '該隔離寫入已有決定。',
      'error.not-found': '該項目已不存在。',
      'approvals.heading': '等待另一名操作員批准',
      'approvals.hint': '啟用雙人批准時，每項操作均在此等待另一名操作員批准。',
      'approvals.id': '請求',
      'approvals.action': '操作',
      'approvals.requested-by': '提出者',
      'approvals.reason': '原因',
      'approvals.expires-at': '批准期限',
      'approvals.decide': '決定',
      'approvals.approve': '批准',
      'approvals.reject': '拒絕',
      'approvals.withdraw': '撤回',
      'approvals.own': '您的請求：須由另一名操作員批准。',
      'approvals.empty': '沒有等待中的請求。',
      'replication.heading': '本數據中心的數據複製',
      'replication.unavailable': 'auth-service 暫時未能提供數據複製狀態。',
      'replication.pending-changes': '待複製的變更',
      'replication.oldest-pending': '最早的待複製變更',
      'replication.lag': '延遲 p50 / p99',
      'replication.lag-value': '{p50} / {p99}',
      'replication.last-shipped': '最後傳送',
      'replication.last-shipped-value': '序號 {seq}，於 {time}',
      'replication.last-error': '最後傳送錯誤',
      'replication.applied-from-peer': '最後從對端套用',
      'replication.applied-value': '紀元 {epoch}，序號 {seq}，於 {time}',
      'replication.writable': '本處接受帳戶寫入',
      'replication.open-quarantine': '待處理的隔離項目',
      'replication.accounts': '本數據中心的帳戶數目',
      'replication.digest': '狀態摘要（SHA-256）',
      'replication.last-published': 'auth-service 最後確認狀態',
      'duration.millis': '{n} 毫秒',
      'duration.seconds': '{n} 秒',
      'quarantine.heading': '隔離的寫入',
      'quarantine.hint': '被隔離的數據中心以舊紀元接受但從未複製的帳戶寫入。請逐項重新套用或捨棄；上方的原因會被記錄。',
      'quarantine.unavailable': 'auth-service 暫時未能列出隔離項目。',
      'quarantine.id': '項目',
      'quarantine.user': '帳戶',
      'quarantine.epoch': '紀元',
      'quarantine.fields': '更改的欄位',
      'quarantine.quarantined-at': '隔離時間',
      'quarantine.status': '狀態',
      'quarantine.decide': '決定',
      'quarantine.reapply': '重新套用',
      'quarantine.drop': '捨棄',
      'quarantine.reapply.label': '重新套用 {user} 的隔離寫入 {id}',
      'quarantine.drop.label': '捨棄 {user} 的隔離寫入 {id}',
      'quarantine.decided': '{user} 於 {time} {status}',
      'quarantine.empty': '沒有隔離的寫入。',
      'history.heading': '記錄（最新在前）',
      'history.time': '時間',
      'history.kind': '更改',
      'history.actor': '操作員',
      'history.approver': '批准者',
      'history.reason': '原因',
      'history.state': '進入的狀態',
      'history.kind-at': '{kind}（於 {dc}）',
      'history.state-value': '紀元 {epoch} · 現行 {active} · {mode}',
      'history.state-session': ' · {session} 開啟中',
      'history.state-handover': ' · 正移交至 {dc}',
      'history.service': '系統',
      'history.scheduler': '排程（時段）',
      'kind.INITIALISED': '初始化',
      'kind.SWITCHED_OVER': '計劃切換',
      'kind.FAILED_OVER': '災難切換',
      'kind.SESSION_OPENED': '開啟時段',
      'kind.SESSION_CLOSED': '關閉時段',
      'kind.ADOPTED_FROM_PEER': '接收對端狀態',
      'kind.HANDOVER_STARTED': '開始移交',
      'kind.HANDOVER_ABORTED': '中止移交',
      'kind.QUARANTINE_REAPPLIED': '重新套用隔離寫入',
      'kind.QUARANTINE_DROPPED': '捨棄隔離寫入'
    }
  });

  var t = CCMS.t;
  var settings = null;
  var me = null;
  var data = { overview: null, replication: null, replicationFailure: null, quarantine: null, quarantineFailure: null,
    approvals: null };
  var drawn = {};
  var pending = null;
  var lastResult = null;
  var inFlight = false;

  function $(id) { return document.getElementById(id); }

  /** Sets an element's text (and, for tests and scripts, its raw value) only when it changed. */
  function show(id, text, value) {
    var element = $(id);
    var content = text === null || text === undefined || text === '' ? t('value.none') : String(text);
    if (element.textContent !== content) { element.textContent = content; }
    if (value !== undefined) { element.setAttribute('data-value', value === null ? '' : String(value)); }
  }

  /** Runs draw(content) only when content (or the language) changed since it last ran for this key. */
  function drawIfChanged(key, content, draw) {
    var signature = CCMS.lang() + JSON.stringify(content);
    if (drawn[key] === signature) { return; }
    drawn[key] = signature;
    draw(content);
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined || text === '' ? t('value.none') : String(text);
    row.appendChild(td);
    return td;
  }

  function button(id, label, className, attributes) {
    var element = document.createElement('button');
    element.type = 'button';
    element.id = id;
    element.textContent = label;
    if (className) { element.className = className; }
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    return element;
  }

  function hk(instant) { return instant ? CCMS.hkTime(instant) : t('value.never'); }

  function duration(millis) {
    if (millis === null || millis === undefined) { return t('value.none'); }
    return millis < 1000 ? t('duration.millis', { n: millis }) : t('duration.seconds', { n: (millis / 1000).toFixed(1) });
  }

  function windowText(window) {
    if (!window) { return t('value.none'); }
    return t(window.date ? 'window.dated' : 'window.daily', { date: window.date, start: window.start, end: window.end });
  }

  function yesNo(value) { return t(value ? 'value.yes' : 'value.no'); }

  function definition(name) {
    var sessions = (data.overview && data.overview.sessions) || [];
    return sessions.filter(function (session) { return session.name === name; })[0] || null;
  }

  // ---------------------------------------------------------------- state

  function drawState(overview) {
    var state = overview.state;
    var dc = overview.dataCentre;
    show('active-dc', state.activeDc, state.activeDc);
    var badge = $('this-dc-active');
    badge.className = 'badge ' + (overview.thisDcIsActive ? 'good' : 'bad');
    show('this-dc-active', t(overview.thisDcIsActive ? 'state.this-dc-active' : 'state.this-dc-not-active'),
      overview.thisDcIsActive);
    show('this-dc', t('dc.describe', { id: dc.id, name: dc.name, role: t('role.' + dc.role) }), dc.id);
    show('epoch', state.epoch, state.epoch);
    show('revision', state.revision, state.revision);
    show('mode', t('mode.' + state.mode), state.mode);
    show('handing-over-to', state.handingOverTo, state.handingOverTo);
    var session = state.session;
    show('open-session', session
      ? t('session.describe', { name: session.name, dc: session.dataCentre, window: windowText(session.window),
        openedAt: CCMS.hkTime(session.openedAt) }) + (session.outsideWindow ? t('session.outside-window') : '')
      : t('session.none'), session ? session.name : null);
    show('business-functions', t(state.businessFunctionsAvailable ? 'functions.available' : 'functions.not-available'),
      state.businessFunctionsAvailable);
    show('carry-forward', t(state.carryForward ? 'carry.yes' : 'carry.no'), state.carryForward);
    show('confirmed', t(overview.confirmed ? 'confirmed.yes' : 'confirmed.no'), overview.confirmed);
    var peer = overview.peer;
    show('peer', !peer.configured ? t('peer.not-configured', { id: peer.id })
      : t(peer.reachable ? 'peer.reachable' : 'peer.unreachable', { id: peer.id, time: hk(peer.lastContactAt) }),
      peer.configured ? peer.reachable : null);
    show('updated-at', CCMS.hkTime(state.updatedAt));
    show('state-version', overview.version, overview.version);

    show('switch-over', t('actions.switch-over', { dc: overview.peerDc }));
    show('fail-over', t('actions.fail-over', { dc: dc.id }));
    show('open-session-button', t('actions.open-session'));
    show('close-session', t('actions.close-session'));
  }

  /** The session choice keeps what the operator selected; it is rebuilt only when the definitions change. */
  function drawSessionChoice(sessions) {
    var select = $('session-name');
    var chosen = select.value;
    var ours = sessions.filter(function (session) { return session.dataCentre === data.overview.dataCentre.id; })[0];
    select.textContent = '';
    sessions.forEach(function (session) {
      var option = document.createElement('option');
      option.value = session.name;
      option.textContent = t('actions.session.option', { name: session.name, dc: session.dataCentre,
        window: windowText(session.window) });
      select.appendChild(option);
    });
    if (chosen && definition(chosen)) {
      select.value = chosen;
    } else if (ours) {
      select.value = ours.name;
    }
  }

  // ---------------------------------------------------------------- replication

  function drawReplication(content) {
    CCMS.showMessage($('replication-error'), content.failure ? t('replication.unavailable') : '');
    var view = content.view;
    var status = view && view.authService;
    if (!status) {
      ['pending-changes', 'oldest-pending', 'replication-lag', 'last-shipped', 'last-ship-error', 'applied-from-peer',
        'writable', 'open-quarantine', 'accounts', 'digest', 'last-published'].forEach(function (id) { show(id, null, null); });
      return;
    }
    show('pending-changes', status.pendingChanges, status.pendingChanges);
    show('oldest-pending', status.oldestPendingAt ? CCMS.hkTime(status.oldestPendingAt) : null);
    show('replication-lag', status.lag ? t('replication.lag-value', { p50: duration(status.lag.p50Millis),
      p99: duration(status.lag.p99Millis) }) : null);
    show('last-shipped', status.lastShippedAt || status.lastShippedSeq
      ? t('replication.last-shipped-value', { seq: status.lastShippedSeq, time: hk(status.lastShippedAt) }) : null);
    show('last-ship-error', status.lastShipError);
    var applied = status.appliedFromPeer;
    show('applied-from-peer', applied ? t('replication.applied-value', { epoch: applied.epoch, seq: applied.seq,
      time: hk(applied.appliedAt) }) : null);
    show('writable', yesNo(status.writable), status.writable);
    show('open-quarantine', status.openQuarantine, status.openQuarantine);
    show('accounts', status.accounts, status.accounts);
    show('digest', status.digest);
    show('last-published', view.lastPublishedAt ? CCMS.hkTime(view.lastPublishedAt) : null);
  }

  // ---------------------------------------------------------------- quarantine

  function drawQuarantine(content) {
    CCMS.showMessage($('quarantine-error'), content.failure ? t('quarantine.unavailable') : '');
    var entries = content.entries || [];
    var body = $('quarantine').querySelector('tbody');
    body.textContent = '';
    entries.forEach(function (entry) {
      var row = document.createElement('tr');
      row.setAttribute('data-id', entry.id);
      row.setAttribute('data-status', entry.status);
      cell(row, entry.id);
      cell(row, entry.userId);
      cell(row, entry.epoch);
      cell(row, (entry.changedFields || []).join(', '));
      cell(row, CCMS.hkTime(entry.quarantinedAt));
      cell(row, t('quarantine.status.' + entry.status));
      var decide = cell(row, '');
      if (entry.status === 'OPEN') {
        decide.textContent = '';
        var buttons = document.createElement('div');
        buttons.className = 'actions compact';
        buttons.appendChild(button('quarantine-reapply-' + entry.id, t('quarantine.reapply'), '',
          { 'data-action': 'reapply', 'data-id': entry.id,
            'aria-label': t('quarantine.reapply.label', { id: entry.id, user: entry.userId }) }));
        buttons.appendChild(button('quarantine-drop-' + entry.id, t('quarantine.drop'), 'danger',
          { 'data-action': 'drop', 'data-id': entry.id,
            'aria-label': t('quarantine.drop.label', { id: entry.id, user: entry.userId }) }));
        decide.appendChild(buttons);
      } else if (entry.decidedBy) {
        decide.textContent = t('quarantine.decided', { status: t('quarantine.status.' + entry.status),
          user: entry.decidedBy, time: hk(entry.decidedAt) });
      }
      body.appendChild(row);
    });
    $('quarantine-empty').hidden = entries.length > 0 || content.failure;
  }

  // ---------------------------------------------------------------- approvals

  function what(approval) {
    return t('what.' + approval.action, { target: approval.targetDc, session: approval.session,
      quarantine: approval.quarantineId });
  }

  function drawApprovals(approvals) {
    var body = $('approvals').querySelector('tbody');
    body.textContent = '';
    approvals.forEach(function (approval) {
      var row = document.createElement('tr');
      row.setAttribute('data-id', approval.id);
      row.setAttribute('data-action', approval.action);
      cell(row, approval.id);
      cell(row, what(approval));
      cell(row, approval.requestedBy);
      cell(row, approval.reason);
      cell(row, CCMS.hkTime(approval.expiresAt));
      var decide = cell(row, '');
      decide.textContent = '';
      var buttons = document.createElement('div');
      buttons.className = 'actions compact';
      var own = me && approval.requestedBy === me.userId;
      if (own) {
        var note = document.createElement('span');
        note.className = 'hint';
        note.textContent = t('approvals.own');
        buttons.appendChild(note);
        buttons.appendChild(button('reject-' + approval.id, t('approvals.withdraw'), 'secondary',
          { 'data-action': 'withdraw', 'data-id': approval.id }));
      } else {
        buttons.appendChild(button('approve-' + approval.id, t('approvals.approve'), '',
          { 'data-action': 'approve', 'data-id': approval.id }));
        buttons.appendChild(button('reject-' + approval.id, t('approvals.reject'), 'secondary',
          { 'data-action': 'reject', 'data-id': approval.id }));
      }
      decide.appendChild(buttons);
      body.appendChild(row);
    });
    $('approvals-empty').hidden = approvals.length > 0;
  }

  // ---------------------------------------------------------------- history

  function actorText(actor) {
    if (!actor) { return t('history.service'); }
    return actor === 'scheduler' ? t('history.scheduler') : actor;
  }

  function drawHistory(history) {
    var body = $('history').querySelector('tbody');
    body.textContent = '';
    history.forEach(function (entry) {
      var row = document.createElement('tr');
      row.setAttribute('data-id', entry.id);
      row.setAttribute('data-kind', entry.kind);
      cell(row, CCMS.hkTime(entry.recordedAt));
      cell(row, t('history.kind-at', { kind: t('kind.' + entry.kind), dc: entry.recordedByDc }));
      cell(row, actorText(entry.actor));
      cell(row, entry.approvedBy);
      var reason = [entry.reason, entry.note].filter(function (part) { return part; }).join(' — ');
      cell(row, reason);
      var to = entry.to;
      cell(row, t('history.state-value', { epoch: to.epoch, active: to.activeDc, mode: t('mode.' + to.mode) })
        + (to.session ? t('history.state-session', { session: to.session }) : '')
        + (to.handingOverTo ? t('history.state-handover', { dc: to.handingOverTo }) : ''));
      body.appendChild(row);
    });
  }

  // ---------------------------------------------------------------- refreshing

  function signedOut() {
    var url = settings.signInUrl;
    window.location.assign(url + (url.indexOf('?') >= 0 ? '&' : '?') + 'signedOut=expired');
  }

  function drawAll() {
    if (data.overview) {
      drawIfChanged('state', data.overview, drawState);
      drawIfChanged('sessions', data.overview.sessions, drawSessionChoice);
      drawIfChanged('history', data.overview.history, drawHistory);
    }
    drawIfChanged('replication', { view: data.replication, failure: data.replicationFailure }, drawReplication);
    drawIfChanged('quarantine', { entries: data.quarantine, failure: data.quarantineFailure }, drawQuarantine);
    if (data.approvals) { drawIfChanged('approvals', data.approvals, drawApprovals); }
  }

  /** The digest last read stays on show between the polls that leave it out. */
  function keepDigest(replication) {
    var previous = data.replication && data.replication.authService;
    if (replication.authService && replication.authService.digest == null && previous) {
      replication.authService.digest = previous.digest;
    }
    return replication;
  }

  function refresh(full) {
    var asked = [
      CCMS.api('GET', API),
      CCMS.api('GET', API + '/replication' + (full ? '' : '?digest=false'))
    ];
    if (full) {
      asked.push(CCMS.api('GET', API + '/quarantine'), CCMS.api('GET', API + '/approvals'));
    }
    return Promise.all(asked).then(function (answers) {
      if (answers.some(function (answer) { return answer.status === 401; })) {
        signedOut();
        return;
      }
      var overview = answers[0];
      CCMS.showMessage($('error'), overview.ok ? '' : CCMS.problemText(overview));
      if (overview.ok) { data.overview = overview.body; }
      data.replication = answers[1].ok ? keepDigest(answers[1].body) : null;
      data.replicationFailure = !answers[1].ok;
      if (full) {
        data.quarantine = answers[2].ok ? answers[2].body : null;
        data.quarantineFailure = !answers[2].ok;
        if (answers[3].ok) { data.approvals = answers[3].body; }
      }
      drawAll();
    });
  }

  function poll() {
    var full = polls % FULL_REFRESH_EVERY === 0;
    polls += 1;
    refresh(full).then(function () { window.setTimeout(poll, POLL_MILLIS); },
      function () { window.setTimeout(poll, POLL_MILLIS); });
  }

  // ---------------------------------------------------------------- actions

  /**
   * What each action asks the operator and sends. describe() is called again when the language
   * changes while the dialog is open; request() when the operator confirms.
   */
  var ACTIONS = {
    'switch-over': {
      reason: true,
      prepare: function (action) {
        action.from = data.overview.dataCentre.id;
        action.to = data.overview.peerDc;
        action.epoch = data.overview.state.epoch + 1;
      },
      describe: function (action) {
        return { title: t('confirm.switch-over.title', { to: action.to }),
          text: t('confirm.switch-over.text', { from: action.from, to: action.to, epoch: action.epoch }) };
      },
      request: function (action) {
        return { path: API + '/switch-over', body: { targetDc: action.to, reason: action.reason,
          expectedVersion: action.version } };
      }
    },
    'fail-over': {
      reason: true,
      prepare: function (action) {
        action.dc = data.overview.dataCentre.id;
        action.peer = data.overview.peerDc;
        action.epoch = data.overview.state.epoch + 1;
      },
      describe: function (action) {
        return { title: t('confirm.fail-over.title', { dc: action.dc }),
          text: t('confirm.fail-over.text', { dc: action.dc, peer: action.peer, epoch: action.epoch }) };
      },
      request: function (action) {
        return { path: API + '/fail-over', body: { targetDc: action.dc, reason: action.reason,
          expectedVersion: action.version } };
      }
    },
    'open-session': {
      reason: true,
      prepare: function (action) {
        action.session = definition($('session-name').value);
        if (!action.session) { return 'actions.session.none'; }
        return null;
      },
      describe: function (action) {
        var session = action.session;
        return { title: t('confirm.open-session.title', { name: session.name }),
          text: t('confirm.open-session.text', { name: session.name, dc: session.dataCentre,
            window: windowText(session.window),
            functions: t(session.businessFunctionsAvailable ? 'confirm.functions.available' : 'confirm.functions.not-available'),
            carry: t(session.carryForward ? 'confirm.carry.yes' : 'confirm.carry.no') }) };
      },
      request: function (action) {
        return { path: API + '/sessions/' + encodeURIComponent(action.session.name) + '/open',
          body: { reason: action.reason, expectedVersion: action.version } };
      }
    },
    'close-session': {
      reason: true,
      prepare: function (action) {
        action.session = data.overview.state.session ? definition(data.overview.state.session.name)
          || { name: data.overview.state.session.name, carryForward: true } : null;
      },
      describe: function (action) {
        var session = action.session;
        if (!session) { return { title: t('actions.close-session'), text: t('confirm.close-session.none') }; }
        return { title: t('confirm.close-session.title', { name: session.name }),
          text: t('confirm.close-session.text', { name: session.name })
            + (session.carryForward ? '' : t('confirm.close-session.discard', { name: session.name })) };
      },
      request: function (action) {
        return { path: API + '/sessions/close', body: { reason: action.reason, expectedVersion: action.version } };
      }
    },
    reapply: {
      reason: true,
      prepare: function (action) { return quarantineEntry(action); },
      describe: function (action) {
        return { title: t('confirm.reapply.title', { id: action.entry.id }),
          text: t('confirm.reapply.text', { user: action.entry.userId, epoch: action.entry.epoch }) };
      },
      request: function (action) {
        return { path: API + '/quarantine/' + action.entry.id + '/reapply', body: { reason: action.reason } };
      }
    },
    drop: {
      reason: true,
      prepare: function (action) { return quarantineEntry(action); },
      describe: function (action) {
        return { title: t('confirm.drop.title', { id: action.entry.id }),
          text: t('confirm.drop.text', { user: action.entry.userId, epoch: action.entry.epoch }) };
      },
      request: function (action) {
        return { path: API + '/quarantine/' + action.entry.id + '/drop', body: { reason: action.reason } };
      }
    },
    approve: {
      reason: false,
      prepare: function (action) { return approvalOf(action); },
      describe: function (action) {
        return { title: t('confirm.approve.title', { id: action.approval.id }),
          text: t('confirm.approve.text', { user: action.approval.requestedBy, what: what(action.approval) }),
          reasonLabel: t('confirm.requester-reason', { user: action.approval.requestedBy }),
          reason: action.approval.reason };
      },
      request: function (action) {
        return { path: API + '/approvals/' + action.approval.id + '/approve' };
      }
    },
    reject: {
      reason: true,
      prepare: function (action) { return approvalOf(action); },
      describe: function (action) {
        return { title: t('confirm.reject.title', { id: action.approval.id }),
          text: t('confirm.reject.text', { user: action.approval.requestedBy, what: what(action.approval) }) };
      },
      request: function (action) {
        return { path: API + '/approvals/' + action.approval.id + '/reject', body: { reason: action.reason } };
      }
    },
    withdraw: {
      reason: true,
      prepare: function (action) { return approvalOf(action); },
      describe: function (action) {
        return { title: t('confirm.withdraw.title', { id: action.approval.id }),
          text: t('confirm.withdraw.text', { what: what(action.approval) }) };
      },
      request: function (action) {
        return { path: API + '/approvals/' + action.approval.id + '/reject', body: { reason: action.reason } };
      }
    }
  };

  function quarantineEntry(action) {
    action.entry = (data.quarantine || []).filter(function (entry) { return String(entry.id) === action.id; })[0];
    return action.entry ? null : 'error.not-found';
  }

  function approvalOf(action) {
    action.approval = (data.approvals || []).filter(function (approval) { return String(approval.id) === action.id; })[0];
    return action.approval ? null : 'error.not-found';
  }

  function reasonProblem(reason) {
    if (!reason.trim()) { return 'actions.reason.missing'; }
    if (reason.length > MAX_REASON || CONTROL_CHARACTERS.test(reason)) { return 'actions.reason.invalid'; }
    return null;
  }

  function showReasonProblem(key) {
    var input = $('action-reason');
    CCMS.showMessage($('action-reason-error'), key ? t(key) : '');
    if (key) {
      $('action-reason-error').setAttribute('data-i18n', key);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } else {
      $('action-reason-error').removeAttribute('data-i18n');
      input.removeAttribute('aria-invalid');
    }
  }

  /** The outcome of the last action: kind 'done', 'waiting' (for a second operator) or 'refused' (with the problem's slug). */
  function showResult(kind, text, slug) {
    lastResult = { kind: kind, text: text, slug: slug };
    var element = $('action-result');
    element.className = kind === 'refused' ? 'error' : (kind === 'waiting' ? 'warning' : 'notice');
    element.setAttribute('role', kind === 'refused' ? 'alert' : 'status');
    element.setAttribute('data-outcome', kind);
    if (slug) { element.setAttribute('data-problem', slug); } else { element.removeAttribute('data-problem'); }
    element.textContent = text();
    element.hidden = false;
  }

  function problemMessage(answer) {
    var slug = CCMS.problemSlug(answer);
    var key = 'error.' + slug;
    var problem = answer.problem || {};
    if (slug && answer.status !== 0 && t(key) !== key) {
      return t(key, { dc: problem.activeDc || problem.activeDataCentre || '', session: problem.session || '',
        pending: problem.pendingChanges === undefined ? '' : problem.pendingChanges });
    }
    return CCMS.problemText(answer);
  }

  function actionText(result) {
    var state = result.state;
    var change = result.change || {};
    var key = 'result.' + change.kind;
    var text = t(key) !== key
      ? t(key, { active: state.activeDc, epoch: state.epoch, session: state.session ? state.session.name : '' })
      : t('result.done', { epoch: state.epoch, revision: state.revision });
    if (result.unavailableMillis !== undefined && result.unavailableMillis !== null) {
      text += t('result.unavailable-millis', { ms: duration(result.unavailableMillis) });
    }
    if (result.warning) { text += t('result.peer-warning'); }
    if (result.discardPending) { text += t('result.discard-pending'); }
    if (result.authService && !result.authService.acknowledged) { text += t('result.auth-not-acknowledged'); }
    return text;
  }

  function quarantineText(entry) {
    return t('result.quarantine', { id: entry.id, user: entry.userId, status: t('quarantine.status.' + entry.status) });
  }

  function successText(kind, body) {
    if (kind === 'approve') {
      var done = body.action ? actionText(body.action) : (body.quarantine ? quarantineText(body.quarantine.entry) : '');
      return t('result.approved', { id: body.approval.id }) + ' ' + done;
    }
    if (kind === 'reject' || kind === 'withdraw') { return t('result.rejected', { id: body.id }); }
    if (kind === 'reapply' || kind === 'drop') { return quarantineText(body.entry); }
    return actionText(body);
  }

  function settle(action, answer) {
    if (answer.status === 401) { signedOut(); return; }
    if (answer.status === 202) {
      var approval = answer.body;
      showResult('waiting', function () {
        return t('result.waiting', { id: approval.id, what: what(approval), time: CCMS.hkTime(approval.expiresAt) });
      });
      $('action-reason').value = '';
    } else if (answer.ok) {
      var body = answer.body;
      showResult('done', function () { return successText(action.kind, body); });
      if (ACTIONS[action.kind].reason) { $('action-reason').value = ''; }
    } else {
      showResult('refused', function () { return problemMessage(answer); }, CCMS.problemSlug(answer));
    }
  }

  function setBusy(isBusy) {
    inFlight = isBusy;
    ['switch-over', 'fail-over', 'open-session-button', 'close-session', 'confirm-action'].forEach(function (id) {
      CCMS.busy($(id), isBusy);
    });
  }

  /** A button was pressed: check the reason, then ask for confirmation. Nothing is sent yet. */
  function start(kind, id, opener) {
    if (inFlight) { return; }
    if (!data.overview) {
      showResult('refused', function () { return t('actions.not-loaded'); });
      return;
    }
    var definitionOf = ACTIONS[kind];
    var action = { kind: kind, id: id, opener: opener, version: data.overview.version,
      reason: $('action-reason').value };
    if (definitionOf.reason) {
      var problem = reasonProblem(action.reason);
      showReasonProblem(problem);
      if (problem) { return; }
      action.reason = action.reason.trim();
    }
    var refused = definitionOf.prepare(action);
    if (refused) {
      showResult('refused', function () { return t(refused); });
      return;
    }
    pending = action;
    describe();
    $('confirm-dialog').showModal();
    $('cancel-action').focus();
  }

  function describe() {
    if (!pending) { return; }
    var text = ACTIONS[pending.kind].describe(pending);
    $('confirm-dialog').setAttribute('data-action', pending.kind);
    $('confirm-title').textContent = text.title;
    $('confirm-text').textContent = text.text;
    var label = $('confirm-dialog').querySelector('[data-i18n="confirm.reason"]');
    label.textContent = text.reasonLabel || t('confirm.reason');
    $('confirm-reason').textContent = text.reason !== undefined ? text.reason : pending.reason;
  }

  function confirm() {
    var action = pending;
    if (!action || inFlight) { return; }
    var request = ACTIONS[action.kind].request(action);
    closeDialog();
    setBusy(true);
    CCMS.api('POST', request.path, request.body).then(function (answer) {
      setBusy(false);
      settle(action, answer);
      return refresh(true);
    }, function () { setBusy(false); });
  }

  function closeDialog() {
    var dialog = $('confirm-dialog');
    var opener = pending && pending.opener;
    pending = null;
    if (dialog.open) { dialog.close(); }
    if (opener && document.body.contains(opener)) {
      opener.focus();
    } else {
      $('action-reason').focus();
    }
  }

  function wire() {
    ['switch-over', 'fail-over', 'open-session-button', 'close-session'].forEach(function (id) {
      var element = $(id);
      element.addEventListener('click', function () { start(element.getAttribute('data-action'), null, element); });
    });
    ['quarantine', 'approvals'].forEach(function (table) {
      $(table).addEventListener('click', function (event) {
        var target = event.target.closest('button[data-action]');
        if (target) { start(target.getAttribute('data-action'), target.getAttribute('data-id'), target); }
      });
    });
    $('action-form').addEventListener('submit', function (event) { event.preventDefault(); });
    $('action-reason').addEventListener('input', function () {
      if ($('action-reason').getAttribute('aria-invalid')) { showReasonProblem(null); }
    });
    $('confirm-action').addEventListener('click', confirm);
    $('cancel-action').addEventListener('click', closeDialog);
    // Escape closes the dialog without a click on Cancel.
    $('confirm-dialog').addEventListener('cancel', function (event) {
      event.preventDefault();
      closeDialog();
    });
  }

  document.addEventListener('ccms:language', function () {
    drawn = {};
    drawAll();
    describe();
    if (lastResult) { showResult(lastResult.kind, lastResult.text, lastResult.slug); }
    var reasonError = $('action-reason-error');
    if (!reasonError.hidden && reasonError.getAttribute('data-i18n')) {
      reasonError.textContent = t(reasonError.getAttribute('data-i18n'));
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    CCMS.api('GET', '/api/v1/console/settings').then(function (answer) {
      if (!answer.ok) {
        CCMS.showMessage($('error'), CCMS.problemText(answer));
        return null;
      }
      settings = answer.body;
      return CCMS.signedInPage({ sessionPath: SESSION_PATH, logoutPath: LOGOUT_PATH, loginUrl: settings.signInUrl })
        .then(function (session) {
          me = session;
          wire();
          poll();
        });
    });
  });
})();
