import { describe, expect, it } from 'vitest';
import {
  CardSignatureSchema,
  CreateManagerRequestSchema,
  MANAGER_REQUEST_KIND_LABELS,
  MANAGER_REQUEST_MESSAGES,
  ManagerRequestDecisionSchema,
  StaffManagerRequestQuerySchema,
} from '../../src/index.js';
import { issues } from './issues.js';

describe('manager-request contract', () => {
  it('labels the kinds as the form does, and words the warning verbatim', () => {
    expect(Object.values(MANAGER_REQUEST_KIND_LABELS)).toEqual(['A.初次管理者帳號申請', 'B.停用管理者帳號', 'C-a.升為管理者', 'C-b.降為一般使用者']);
    expect(MANAGER_REQUEST_MESSAGES.noManagerLeftWarning).toBe(
      '送出後貴機構將沒有單位業務管理者，在有新的管理者之前，將無法受理「一般使用者」的帳號申請。',
    );
    expect(MANAGER_REQUEST_MESSAGES.alreadyOpen).toBe('此帳號已有處理中的申請');
  });

  it('starts B / C-a / C-b online (A comes from 帳號申請); a blank colleague means myself', () => {
    expect(CreateManagerRequestSchema.parse({ kind: 'B', targetAccountName: '  ' })).toEqual({ kind: 'B' });
    expect(CreateManagerRequestSchema.parse({ kind: 'B', targetAccountName: ' Colleague ' })).toEqual({ kind: 'B', targetAccountName: 'Colleague' });
    expect(issues(CreateManagerRequestSchema.safeParse({ kind: 'A' }))).toEqual([['kind', '請選擇申請項目。']]);
  });

  it('needs a reason to reject, not to approve', () => {
    expect(ManagerRequestDecisionSchema.parse({ decision: 'APPROVE' })).toEqual({ decision: 'APPROVE' });
    expect(issues(ManagerRequestDecisionSchema.safeParse({ decision: 'REJECT', reason: ' ' }))).toEqual([['reason', '駁回時請填寫原因。']]);
    expect(ManagerRequestDecisionSchema.parse({ decision: 'REJECT', reason: ' 未蓋關防 ' })).toEqual({ decision: 'REJECT', reason: '未蓋關防' });
  });

  it('takes the signature with the challenge id and its nonce', () => {
    const body = { challengeId: '5f0b3c1e-8d2a-4b7e-9c1d-2a3b4c5d6e7f', nonce: 'q2x8HkQ1Vt3mYp0sLr5nWc7dEf9gHi2jKl4oNa6bZuA', certificate: 'MII…', signature: 'AAA=' };
    expect(CardSignatureSchema.parse(body)).toEqual(body);
    expect(CardSignatureSchema.safeParse({ ...body, nonce: 'bad nonce' }).success).toBe(false);
  });

  it('defaults the staff queue to 待審核, page 1', () => {
    expect(StaffManagerRequestQuerySchema.parse({})).toEqual({ status: 'PENDING_REVIEW', page: 1, pageSize: 20 });
    expect(StaffManagerRequestQuerySchema.parse({ overdue: 'true' }).overdue).toBe(true);
  });
});
