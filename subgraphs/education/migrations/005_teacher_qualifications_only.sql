-- Doctors, nurses and lawyers are licensed by the health and justice bureaus (their own
-- subgraphs, with practising status and sanctions); the education bureau keeps teachers only.
DELETE FROM education.qualifications WHERE kind <> 'TEACHER';
ALTER TABLE education.qualifications DROP CONSTRAINT qualifications_kind_check;
ALTER TABLE education.qualifications ADD CONSTRAINT qualifications_kind_check
  CHECK (kind IN ('TEACHER'));
