/*
 * Login with Smartcard: the card is presented by the browser as its TLS client certificate when this
 * page's HTTPS connection is made (the card's PKCS#11 module in the browser does the signing), and
 * User ID + password are checked with it. Without a card the server answers
 * client-certificate-required and the page explains what to do.
 */
(function () {
  'use strict';

  CCMS.addMessages({
    en: {
      'smartcard.title': 'Login with Smartcard',
      'smartcard.title.CCMS': 'Login with Smartcard – Online Functions and Overnight Report Download',
      'smartcard.title.SECURITY_MANAGEMENT': 'Login with Smartcard – Security Management Functions',
      'smartcard.hint': 'Insert your smartcard before opening this page. Your browser asks you to choose the card\'s certificate.',
      'smartcard.function': 'Function',
      'smartcard.submit': 'Sign in with smartcard',
      'smartcard.help.title': 'No smartcard was presented',
      'smartcard.help.insert': 'Insert your CCMS smartcard in the card reader.',
      'smartcard.help.module': 'Make sure the smartcard software issued with your card is installed in this browser.',
      'smartcard.help.restart': 'Close every window of this browser and open this page again: the card is read when the secure connection starts.',
      'smartcard.help.choose': 'When the browser asks for a certificate, choose the one of your smartcard.',
      'smartcard.help.otp': 'If you have set up two-factor authentication, you can use Login with OTP instead.',
      'smartcard.not-https': 'This page must be opened over HTTPS for the smartcard to be read.',
      'error.client-certificate-required': 'No smartcard was presented. See the steps below.',
      'error.login-failed': 'The smartcard, user ID or password is not accepted, or this account cannot sign in now.',
      'error.smartcard-retired': 'Smartcard login has been replaced by two-factor authentication. Please use Login with OTP.',
      'error.smartcard-not-configured': 'Login with Smartcard is not offered at this site.',
      'error.function-not-permitted': 'This account cannot use this function.'
    },
    'zh-Hant': {
      'smartcard.title': '以聰明卡登入',
      'smartcard.title.CCMS': '以聰明卡登入 – 網上功能及隔夜報表下載',
      'smartcard.title.SECURITY_MANAGEMENT': '以聰明卡登入 – 保安管理功能',
      'smartcard.hint': '請於開啟此頁面前插入聰明卡。瀏覽器會請您選擇聰明卡的證書。',
      'smartcard.function': '功能',
      'smartcard.submit': '以聰明卡登入',
      'smartcard.help.title': '未有出示聰明卡',
      'smartcard.help.insert': '請將您的 CCMS 聰明卡插入讀卡器。',
      'smartcard.help.module': '請確保此瀏覽器已安裝隨聰明卡提供的軟件。',
      'smartcard.help.restart': '請關閉此瀏覽器的所有視窗後重新開啟此頁面：聰明卡於建立安全連線時讀取。',
      'smartcard.help.choose': '當瀏覽器要求選擇證書時，請選擇您聰明卡的證書。',
      'smartcard.help.otp': '如您已設定雙重身份驗證，亦可改用以一次性密碼登入。',
      'smartcard.not-https': '此頁面必須以 HTTPS 開啟，方可讀取聰明卡。',
      'error.client-certificate-required': '未有出示聰明卡。請參閱以下步驟。',
      'error.login-failed': '聰明卡、使用者編號或密碼不獲接納，或此帳戶現時無法登入。',
      'error.smartcard-retired': '聰明卡登入已由雙重身份驗證取代。請以一次性密碼登入。',
      'error.smartcard-not-configured': '本網站不提供以聰明卡登入。',
      'error.function-not-permitted': '此帳戶不能使用此功能。'
    }
  });

  var requested = new URLSearchParams(window.location.search).get('function');
  var isDms = requested === 'SECURITY_MANAGEMENT';
  var error = document.getElementById('error');

  function title() {
    document.getElementById('smartcard-title').textContent = CCMS.t(isDms ? 'smartcard.title.SECURITY_MANAGEMENT' : 'smartcard.title.CCMS');
  }

  function chosenFunction() {
    if (isDms) { return 'SECURITY_MANAGEMENT'; }
    return document.getElementById('function-overnight').checked ? 'OVERNIGHT_REPORT_DOWNLOAD' : 'ONLINE_FUNCTIONS';
  }

  document.getElementById('function-choice').hidden = isDms;
  document.getElementById('not-https').hidden = window.location.protocol === 'https:';
  document.addEventListener('ccms:language', title);

  document.getElementById('smartcard-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var button = document.getElementById('smartcard-submit');
    var fn = chosenFunction();
    var body = {
      userId: document.getElementById('userId').value.trim().toUpperCase(),
      password: document.getElementById('password').value,
      function: fn,
      tokenDelivery: 'COOKIE'
    };
    CCMS.showMessage(error, '');
    document.getElementById('no-card-help').hidden = true;
    CCMS.busy(button, true);
    CCMS.api('POST', '/api/v1/login/smartcard/mtls', body).then(function (result) {
      if (result.ok) {
        CcmsPortal.settings().then(function (settings) { window.location.assign(CcmsPortal.destination(fn, settings)); });
        return;
      }
      CCMS.busy(button, false);
      document.getElementById('password').value = '';
      CCMS.showMessage(error, CCMS.problemText(result));
      document.getElementById('no-card-help').hidden = CCMS.problemSlug(result) !== 'client-certificate-required';
    });
  });
})();
