-- The household register's standing of each person, collected from the population subgraph's
-- register feed (latest version per person). Only what credit decisions need: the status
-- (deceased, cancelled), the registration issues (registration in doubt) and the day the
-- registration in the county began (how long the county has known the person). Its collection
-- state is the row 'PSB' of credit.collection_state, reported on every profile like the others.
CREATE TABLE credit.register_entries (
  person_id char(18) PRIMARY KEY,
  household_status text NOT NULL,
  registration_issues text[] NOT NULL,
  registered_since date,
  change_seq bigint NOT NULL,
  collected_at timestamptz NOT NULL
);
