/*
 * First-time 2FA set-up, as the circular describes it: the activation code sent to the e-mail
 * address a Delegated Administrator registered proves the person; then a new password (checked
 * rule by rule while typing) and the OTP channel — SMS only after the number is proven with a code
 * sent to it. Nothing here signs anyone in: the person logs in afterwards with the new password.
 */
(function () {
  'use strict';

  CCMS.addMessages({
    en: {
      'setup.title': 'Set up two-factor authentication',
      'setup.step.activation': 'Prove it is you with the activation code we e-mail to your registered address.',
      'setup.step.password': 'Choose your new password.',
      'setup.step.channel': 'Choose how you receive one-time passwords: e-mail or SMS.',
      'setup.start.hint': 'Your Delegated Administrator must have registered your e-mail address first.',
      'setup.start.submit': 'Send the activation code',
      'setup.activation.sent': 'We sent an activation code to',
      'setup.activation.code': 'Activation code',
      'setup.activation.resent': 'A new activation code has been sent.',
      'setup.complete-by': 'Please finish the set-up by',
      'setup.password.new': 'New password',
      'setup.password.confirm': 'Type the new password again',
      'rule.MIN_LENGTH': 'At least 12 characters',
      'rule.MAX_LENGTH': 'At most 128 characters',
      'rule.NO_CONTROL_CHARACTERS': 'No control characters',
      'rule.NOT_COMMON': 'Not a common or easily guessed password',
      'rule.NOT_PERSONAL': 'Does not contain your user ID, name or e-mail address',
      'rule.MATCHES': 'Both entries are the same',
      'setup.channel': 'Receive one-time passwords by',
      'setup.channel.email': 'E-mail (to your registered address)',
      'setup.channel.sms': 'SMS (to a mobile number you prove now)',
      'setup.mobile': 'Mobile number',
      'setup.mobile.hint': 'International format with country code, e.g. +85291234567.',
      'setup.mobile.send': 'Send a code to this number',
      'setup.mobile.code': 'Code received by SMS',
      'setup.mobile.verify': 'Prove the number',
      'setup.mobile.sent': 'A code was sent by SMS to {destination}.',
      'setup.mobile.proven': 'Mobile number {mobile} proven.',
      'setup.mobile.invalid': 'Please enter the mobile number in international format, e.g. +85291234567.',
      'setup.password.not-ready': 'The new password does not meet every rule yet.',
      'setup.complete': 'Finish set-up',
      'setup.done.title': 'Two-factor authentication is set up',
      'setup.done.text': 'User {user} will receive one-time passwords by {channel}. You can now log in with your new password.',
      'setup.done.login': 'Go to login',
      'channel.EMAIL': 'e-mail',
      'channel.SMS': 'SMS',
      'error.not-ready-for-two-factor': 'Two-factor authentication cannot be set up for this user ID now. If you have set it up already, log in; otherwise ask your Delegated Administrator.',
      'error.initiation-invalid': 'This set-up has ended (the code expired or was wrong too often). Please start again.',
      'error.initiation-step-out-of-order': 'Please complete the earlier step first.',
      'error.password-policy': 'The new password does not meet the password rules.',
      'error.mobile-not-proven': 'Prove the mobile number with the SMS code first, or choose e-mail.',
      'error.validation-failed': 'Please check what you entered.'
    },
    'zh-Hant': {
      'setup.title': '設定雙重身份驗證',
      'setup.step.activation': '以我們發送至您已登記電郵地址的啟動碼證明您的身份。',
      'setup.step.password': '設定新密碼。',
      'setup.step.channel': '選擇接收一次性密碼的方式：電郵或短訊。',
      'setup.start.hint': '您的授權管理人士必須先為您登記電郵地址。',
      'setup.start.submit': '發送啟動碼',
      'setup.activation.sent': '啟動碼已發送至',
      'setup.activation.code': '啟動碼',
      'setup.activation.resent': '新的啟動碼已發送。',
      'setup.complete-by': '請於以下時間前完成設定：',
      'setup.password.new': '新密碼',
      'setup.password.confirm': '再次輸入新密碼',
      'rule.MIN_LENGTH': '最少 12 個字元',
      'rule.MAX_LENGTH': '最多 128 個字元',
      'rule.NO_CONTROL_CHARACTERS': '不含控制字元',
      'rule.NOT_COMMON': '不是常見或容易猜到的密碼',
      'rule.NOT_PERSONAL': '不包含您的使用者編號、姓名或電郵地址',
      'rule.MATCHES': '兩次輸入相同',
      'setup.channel': '接收一次性密碼的方式',
      'setup.channel.email': '電郵（發送至您已登記的地址）',
      'setup.channel.sms': '短訊（發送至您現在證明的手機號碼）',
      'setup.mobile': '手機號碼',
      'setup.mobile.hint': '請以國際格式輸入並包括國家代碼，例如 +85291234567。',
      'setup.mobile.send': '發送驗證碼至此號碼',
      'setup.mobile.code': '短訊驗證碼',
      'setup.mobile.verify': '證明此號碼',
      'setup.mobile.sent': '驗證碼已以短訊發送至 {destination}。',
      'setup.mobile.proven': '手機號碼 {mobile} 已證明。',
      'setup.mobile.invalid': '請以國際格式輸入手機號碼，例如 +85291234567。',
      'setup.password.not-ready': '新密碼尚未符合所有規則。',
      'setup.complete': '完成設定',
      'setup.done.title': '雙重身份驗證已設定',
      'setup.done.text': '使用者 {user} 將以{channel}接收一次性密碼。您現在可以使用新密碼登入。',
      'setup.done.login': '前往登入',
      'channel.EMAIL': '電郵',
      'channel.SMS': '短訊',
      'error.not-ready-for-two-factor': '此使用者編號現時無法設定雙重身份驗證。如您已完成設定，請直接登入；否則請聯絡您的授權管理人士。',
      'error.initiation-invalid': '此設定程序已結束（驗證碼已失效或錯誤次數過多）。請重新開始。',
      'error.initiation-step-out-of-order': '請先完成上一個步驟。',
      'error.password-policy': '新密碼不符合密碼規則。',
      'error.mobile-not-proven': '請先以短訊驗證碼證明手機號碼，或選擇電郵。',
      'error.validation-failed': '請檢查您輸入的資料。'
    }
  });

  var error = document.getElementById('error');
  var status = document.getElementById('status');
  var transactionId = null;
  var stopExpiry = null;
  var provenMobile = null;
  var checkTimer = null;
  var lastRules = {};

  function el(id) { return document.getElementById(id); }

  function fail(result) {
    CCMS.showMessage(status, '');
    CCMS.showMessage(error, CcmsPortal.problemText(result));
    if (CCMS.problemSlug(result) === 'initiation-invalid') { restart(); }
  }

  function clearMessages() {
    CCMS.showMessage(error, '');
    CCMS.showMessage(status, '');
  }

  function show(formId) {
    ['start-form', 'activation-form', 'password-setup-form', 'setup-done'].forEach(function (id) { el(id).hidden = id !== formId; });
  }

  function restart() {
    transactionId = null;
    provenMobile = null;
    if (stopExpiry) { stopExpiry(); }
    show('start-form');
  }

  /** Sends the request with the button busy; calls onOk(body) on success, shows the problem otherwise. */
  function call(button, method, path, body, onOk) {
    clearMessages();
    CCMS.busy(button, true);
    CCMS.api(method, path, body).then(function (result) {
      CCMS.busy(button, false);
      if (result.ok) { onOk(result.body); } else { fail(result); }
    });
  }

  function activationSent(sent) {
    transactionId = sent.transactionId || transactionId;
    el('activation-destination').textContent = sent.maskedDestination;
    if (stopExpiry) { stopExpiry(); }
    stopExpiry = CCMS.countdown(new Date(sent.expiresAt).getTime(), function (left) {
      el('activation-expiry').textContent = CCMS.minutesSeconds(left);
    });
  }

  el('start-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var userId = el('setup-userId').value.trim().toUpperCase();
    if (!userId) { CCMS.showMessage(error, CCMS.t('error.validation-failed')); return; }
    call(el('start-submit'), 'POST', '/api/v1/initiation', { userId: userId }, function (sent) {
      activationSent(sent);
      show('activation-form');
      el('activation-code').focus();
    });
  });

  el('activation-form').addEventListener('submit', function (event) {
    event.preventDefault();
    call(el('activation-submit'), 'POST', '/api/v1/initiation/' + transactionId + '/activation',
      { code: el('activation-code').value.trim() }, function (progress) {
        if (stopExpiry) { stopExpiry(); }
        el('complete-by').textContent = CCMS.hkTime(progress.completeBy);
        show('password-setup-form');
        el('new-password').focus();
      });
  });

  el('activation-resend').addEventListener('click', function () {
    call(el('activation-resend'), 'POST', '/api/v1/initiation/' + transactionId + '/resend', undefined, function (sent) {
      activationSent(sent);
      CCMS.showMessage(status, CCMS.t('setup.activation.resent'));
    });
  });

  function showRules() {
    var matches = el('new-password').value !== '' && el('new-password').value === el('confirm-password').value;
    document.querySelectorAll('#policy-rules li').forEach(function (item) {
      var rule = item.getAttribute('data-rule');
      var met = rule === 'MATCHES' ? matches : lastRules[rule] === true;
      item.classList.toggle('met', met);
    });
  }

  function allRulesMet() {
    return document.querySelectorAll('#policy-rules li:not(.met)').length === 0;
  }

  /** The server holds the blocklist and the person's details: ask it, a moment after typing stops. */
  function checkPassword() {
    var candidate = el('new-password').value;
    if (!candidate) { lastRules = {}; showRules(); return; }
    CCMS.api('POST', '/api/v1/initiation/' + transactionId + '/password-check', { newPassword: candidate }).then(function (result) {
      if (candidate !== el('new-password').value) { return; }
      if (!result.ok) { fail(result); return; }
      lastRules = {};
      result.body.rules.forEach(function (check) { lastRules[check.rule] = check.met; });
      showRules();
    });
  }

  el('new-password').addEventListener('input', function () {
    window.clearTimeout(checkTimer);
    checkTimer = window.setTimeout(checkPassword, 250);
    showRules();
  });
  el('confirm-password').addEventListener('input', showRules);

  function chosenChannel() {
    return el('channel-sms').checked ? 'SMS' : 'EMAIL';
  }

  [el('channel-email'), el('channel-sms')].forEach(function (radio) {
    radio.addEventListener('change', function () { el('mobile-proof').hidden = chosenChannel() !== 'SMS'; });
  });

  el('mobile-send').addEventListener('click', function () {
    var mobile = el('mobile').value.replace(/[\s-]/g, '');
    if (!/^\+[1-9][0-9]{6,14}$/.test(mobile)) { CCMS.showMessage(error, CCMS.t('setup.mobile.invalid')); return; }
    call(el('mobile-send'), 'POST', '/api/v1/initiation/' + transactionId + '/mobile', { mobile: mobile }, function (sent) {
      CCMS.showMessage(status, CCMS.t('setup.mobile.sent', { destination: sent.maskedDestination }));
      el('mobile-code-field').hidden = false;
      el('mobile-code').focus();
    });
  });

  el('mobile-verify').addEventListener('click', function () {
    call(el('mobile-verify'), 'POST', '/api/v1/initiation/' + transactionId + '/mobile/verification',
      { code: el('mobile-code').value.trim() }, function (progress) {
        provenMobile = progress.provenMobile;
        el('mobile-code-field').hidden = true;
        CCMS.showMessage(el('mobile-proven'), CCMS.t('setup.mobile.proven', { mobile: provenMobile }));
      });
  });

  el('password-setup-form').addEventListener('submit', function (event) {
    event.preventDefault();
    showRules();
    if (!allRulesMet()) { CCMS.showMessage(error, CCMS.t('setup.password.not-ready')); el('new-password').focus(); return; }
    if (chosenChannel() === 'SMS' && !provenMobile) { CCMS.showMessage(error, CCMS.t('error.mobile-not-proven')); return; }
    call(el('complete-submit'), 'POST', '/api/v1/initiation/' + transactionId + '/completion',
      { newPassword: el('new-password').value, channel: chosenChannel() }, function (enrolled) {
        el('new-password').value = '';
        el('confirm-password').value = '';
        el('setup-done-text').textContent = CCMS.t('setup.done.text',
          { user: enrolled.userId, channel: CCMS.t('channel.' + enrolled.channel) });
        show('setup-done');
        el('setup-login').focus();
      });
  });
})();
