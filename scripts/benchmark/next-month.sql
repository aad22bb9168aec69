-- One further month of contacts (the month after :end) for every event still active:
-- what a monthly contacts import brings. Records the changed events in bench_changed.
create temporary table bench_changed as
select e.event_id from event e
where e.event_type <> 'CUSTODY' and e.event_id like 'E%' and (e.termination_date is null or e.termination_date > cast(:end as date));

insert into contact (contact_id, crn, event_id, requirement_id, staff_code, contact_type, face_to_face, national_standard,
                     arranged_on, contact_at, outcome)
select e.event_id || '-n' || k, e.crn, e.event_id, null, e.staff_code, 'SUPERVISION', random() < 0.9, random() < 0.85,
       d - 7, d + time '10:00',
       case when r < 0.72 then 'ATTENDED_COMPLIED' when r < 0.80 then 'ATTENDED_FAILED_TO_COMPLY'
            when r < 0.87 then 'ACCEPTABLE_ABSENCE' when r < 0.95 then 'UNACCEPTABLE_ABSENCE' else 'RESCHEDULED' end
from bench_changed c
join event e on e.event_id = c.event_id
cross join lateral generate_series(0, 4) k
cross join lateral (select cast(:end as date) + 1 + k * 6 as d, random() as r) x;
