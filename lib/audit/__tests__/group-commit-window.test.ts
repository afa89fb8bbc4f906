import { groupCommitWindowMs } from '../group-commit-window';

describe('groupCommitWindowMs', () => {
  it('defaults to 0 ms (commit at once, leader/follower) when unset or blank', () => {
    expect(groupCommitWindowMs({})).toBe(0);
    expect(groupCommitWindowMs({ AUDIT_GROUP_COMMIT_MS: ' ' })).toBe(0);
  });

  it('takes 0 (commit at once) up to 1000 ms', () => {
    expect(groupCommitWindowMs({ AUDIT_GROUP_COMMIT_MS: '0' })).toBe(0);
    expect(groupCommitWindowMs({ AUDIT_GROUP_COMMIT_MS: '1000' })).toBe(1000);
  });

  it('refuses values that are not milliseconds in range, naming the variable', () => {
    for (const raw of ['-1', '1001', 'soon', 'NaN']) {
      expect(() => groupCommitWindowMs({ AUDIT_GROUP_COMMIT_MS: raw })).toThrow(
        /AUDIT_GROUP_COMMIT_MS/,
      );
    }
  });
});
