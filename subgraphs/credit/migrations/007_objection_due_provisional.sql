-- Whether an objection's due date was counted through a year without the State Council's holiday
-- notice (past the last year of policy/calendar.yaml, or a year marked provisional there): it is
-- then based on weekends and fixed-date statutory holidays only and may move (addWorkingDays).
ALTER TABLE credit.objections ADD COLUMN due_on_provisional boolean NOT NULL DEFAULT false;
