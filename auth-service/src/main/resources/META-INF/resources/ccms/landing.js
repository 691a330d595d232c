(function () {
  'use strict';
  CCMS.signedOutNotice(document.getElementById('signed-out'));
  CcmsPortal.settings().then(function (settings) {
    var link = document.getElementById('login-smartcard');
    if (settings.smartcardLoginUrl) {
      link.href = settings.smartcardLoginUrl;
    } else {
      link.parentElement.hidden = true;
      document.getElementById('smartcard-not-offered').hidden = false;
    }
  });
})();
