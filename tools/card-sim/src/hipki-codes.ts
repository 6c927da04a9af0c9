/**
 * HiPKI local-server return codes, as published in the sample pages that accompany
 * Chunghwa Telecom's HiPKI/HiCOS 跨平台網頁元件 (MajorErrorReason / MinorErrorReason).
 * `ret_code` is the major code; `last_error` the PKCS#11 (minor) reason.
 */
export const HIPKI = {
  OK: 0,
  NO_TBS: 0x76000003, // 未輸入待簽訊息
  NO_CARD: 0x76000006, // 未插入IC卡
  JSON_FORMAT: 0x7600000b, // JSON格式錯誤
  BAD_PARAMETER: 0x7600000c, // 參數錯誤
  UNSUPPORTED_METHOD: 0x7600000e, // 不支援的方法
  FORBIDDEN_DOMAIN: 0x7600000f, // 禁止存取的網域
  NO_PIN: 0x76000998, // 未輸入PIN碼
  NO_READER: 0x76100003, // 無可用讀卡機
  LOGIN_FAILED: 0x76100006, // IC卡登入失敗 (last_error says why)
  SIGNATURE_TYPE: 0x76300002, // 簽章型別錯誤
  SIGN_FAILED: 0x76300004, // 簽章執行錯誤
} as const;

/** PKCS#11 reasons HiPKI passes through in `last_error`. */
export const PKCS11 = {
  CKR_FUNCTION_FAILED: 0x06,
  CKR_PIN_INCORRECT: 0xa0, // PIN碼錯誤
  CKR_PIN_LEN_RANGE: 0xa2, // PIN碼長度錯誤
  CKR_PIN_LOCKED: 0xa4, // 已鎖卡
} as const;
