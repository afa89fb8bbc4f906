-- Joint measures checks (联合奖惩 trigger and feedback, tasks 16-18): every jointMeasures answer is
-- recorded with who asked (department, user, case ref), the person's list status and the measures
-- returned; the approval system reports once which of them it applied (feedback_at set).
CREATE TABLE credit.measure_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id char(18) NOT NULL,
  matter text NOT NULL,
  list_status text NOT NULL CHECK (list_status IN ('BLACK', 'RED', 'NONE')),
  checked_at timestamptz NOT NULL,
  dept text NOT NULL,
  requested_by text NOT NULL,
  case_ref text,
  -- Version of policy/measures.yaml the measures were selected with.
  measures_version text NOT NULL,
  measure_codes text[] NOT NULL,
  feedback_at timestamptz,
  feedback_by text,
  applied_codes text[],
  feedback_note text,
  CHECK ((feedback_at IS NULL) = (applied_codes IS NULL))
);

-- NDRC's follow-up: checks still waiting for feedback, oldest first.
CREATE INDEX measure_checks_open_idx ON credit.measure_checks (checked_at)
  WHERE feedback_at IS NULL;
