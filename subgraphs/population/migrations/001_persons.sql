CREATE TABLE population.persons (
  id char(18) PRIMARY KEY,
  name text NOT NULL,
  gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
  birth_date date NOT NULL,
  household_region char(6) NOT NULL,
  household_address text NOT NULL,
  household_status text NOT NULL
    CHECK (household_status IN ('ACTIVE', 'CANCELLED', 'DECEASED', 'MIGRATED_OUT')),
  registration_issues text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
