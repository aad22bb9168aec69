-- Published for subject access requests (subjectaccess module), for what the first view
-- (V1_5_30) left out, as SubjectAccessCoverageTests found: a practitioner's own monthly
-- figures (per measure and team), the flags raised on them, and the targets an account
-- changed.
create view subject_access_measure_staff_month as
select c.staff_code, c.measure_code, m.title as measure, c.month, c.team_code, c.numerator, c.denominator
from measure_cell c join measure m on m.code = c.measure_code;

create view subject_access_measure_flag as
select f.id, f.kind, f.measure_code, m.title as measure, f.month, f.unit_code, f.staff_code, f.performance, f.raised_at
from measure_flag f join measure m on m.code = f.measure_code;

create view subject_access_measures_trail as
select 'Measure target' as record, m.title || ' from ' || t.effective_from as reference, 'Changed' as did,
       t.changed_at as done_at, t.changed_by as username
from measure_target t join measure m on m.code = t.code;
