-- Published for subject access requests (subjectaccess module): the stored measure rows
-- of a person's cases, each with the reason it was met or not.
create view subject_access_measure_case as
select measure_code, month, event_id, subject_id, crn, team_code, staff_code, numerator, denominator, reason
from measure_case;
