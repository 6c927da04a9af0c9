/**
 * zh-TW messages that the API returns and the SPA shows. Wording from the administration's guide is
 * quoted verbatim; the rest follows the style of Taiwanese government portals.
 */
export const messages = {
  badRequest: '輸入的資料有誤，請檢查後再送出。',
  notFound: '查無此資料。',
  routeNotFound: '查無此頁面或功能。',
  internal: '系統發生錯誤，請稍後再試；若問題持續，請洽諮詢窗口。',
  unauthorized: '請先登入。',
  forbidden: '您沒有權限執行此操作。',
  tooManyRequests: '操作過於頻繁，請稍後再試。',
  payloadTooLarge: '上傳的資料過大。',
  tooManyParts: '上傳的欄位或檔案過多，每次請只附一個檔案。',
  unsupportedMediaType: '不支援的資料格式。',
  uriTooLong: '網址過長，請確認後再試。',
  headersTooLarge: '瀏覽器送出的資料過多，請清除本網站的 Cookie 後再試。',
  requestTimeout: '連線逾時，請再試一次。',
  notReady: '系統尚未就緒，請稍後再試。',
  serviceUnavailable: '系統暫時無法處理您的要求，請稍後再試。',
  invalidPage: '頁碼必須是 1 至 10000 的整數。',
  invalidPageSize: '每頁筆數必須是 1 至 100 的整數。',
  invalidCursor: '分頁參數不正確，請重新查詢。',
  unstorableText: '輸入的內容含有無法辨識的字元，請刪除後再送出。',
  institutionRequired: '請選擇單位',
  institutionCodeFormat: '機構代碼須為 10 位數字。',
  institutionNotFound: '查無此機構代碼，請確認後再輸入。',
  institutionQueryTooLong: '查詢字串不得超過 50 個字。',
  keywordTooLong: '關鍵字不得超過 50 個字。',
  categoryTooLong: '分類不得超過 20 個字。',
  systemTooLong: '系統名稱不得超過 50 個字。',
  downloadNotFound: '查無此檔案。',
} as const;
