-- When each decision was first published (the day, China Standard Time, the platform first
-- collected it) and the day it had to be published by (7 working days after the decision:
-- policy/calendar.yaml disclosureDueWorkingDays). Both are set on first collection and never
-- changed after, so a correction or revocation does not make a late publication look timely.
-- Decisions collected before this migration have neither, and are not judged.
ALTER TABLE credit.disclosures ADD COLUMN first_published_on date;
ALTER TABLE credit.disclosures ADD COLUMN publication_due date;
