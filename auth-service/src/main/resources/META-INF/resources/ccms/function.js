/*
 * The page a CCMS user reaches after signing in: the signed-in function's entry, or "Function not
 * available" while a test session keeps business functions closed (the circular's connectivity
 * check). The business screens themselves belong to the CCMS terminal, not to this platform.
 */
(function () {
  'use strict';

  CCMS.addMessages({
    en: {
      'function.participant': 'Clearing participant',
      'function.user': 'User ID',
      'function.signed-in-with': 'Signed in with',
      'function.data-centre': 'Data centre',
      'function.welcome': 'You are signed in to CCMS {function}.',
      'function.terminal-note': 'Your access is confirmed. The CCMS screens of this function open from here in the CCMS terminal.',
      'method.pwd': 'password',
      'method.otp': 'one-time password',
      'method.sc': 'smartcard'
    },
    'zh-Hant': {
      'function.participant': '結算參與者',
      'function.user': '使用者編號',
      'function.signed-in-with': '登入方式',
      'function.data-centre': '數據中心',
      'function.welcome': '您已登入 CCMS {function}。',
      'function.terminal-note': '您的存取權限已確認。此功能的 CCMS 畫面由此在 CCMS 終端機開啟。',
      'method.pwd': '密碼',
      'method.otp': '一次性密碼',
      'method.sc': '聰明卡'
    }
  });

  var session = null;
  var dataCentre = '';

  function render() {
    if (!session) { return; }
    document.getElementById('function-title').textContent = CCMS.t('function.' + session.function);
    document.getElementById('function-welcome').textContent =
      CCMS.t('function.welcome', { function: CCMS.t('function.' + session.function) });
    document.getElementById('participant').textContent = session.participantId || '';
    document.getElementById('user').textContent = session.userId;
    document.getElementById('methods').textContent =
      (session.authenticationMethods || []).map(function (m) { return CCMS.t('method.' + m); }).join(' + ');
    document.getElementById('data-centre').textContent = dataCentre;
  }

  document.addEventListener('ccms:language', render);

  CCMS.signedInPage({
    sessionPath: '/api/v1/ccms/session',
    logoutPath: '/api/v1/session/logout',
    loginUrl: function (current) { return current ? CcmsPortal.loginUrl(current.function) : '/ccms/'; }
  }).then(function (current) {
    session = current;
    CcmsPortal.settings().then(function (settings) { dataCentre = settings.dataCentre; render(); });
    render();
    return CCMS.api('GET', '/api/v1/ccms/home');
  }).then(function (home) {
    if (home.ok) {
      document.getElementById('function-content').hidden = false;
    } else if (CCMS.problemSlug(home) === 'function-not-available') {
      document.getElementById('function-not-available').hidden = false;
    } else {
      CCMS.showMessage(document.getElementById('error'), CCMS.problemText(home));
    }
  });
})();
