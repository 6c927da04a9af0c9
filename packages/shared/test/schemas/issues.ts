/** A failed parse as [path, message] pairs: what a test compares against the zh-TW messages. */
export const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];
