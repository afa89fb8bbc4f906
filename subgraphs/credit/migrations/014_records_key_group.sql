-- The key occupational group a collected record concerns, as its department's feed states it
-- (CreditRecord.keyGroup, Person.creditRecords(keyGroup)); null for records about no occupation.
ALTER TABLE credit.records ADD COLUMN key_group text;
