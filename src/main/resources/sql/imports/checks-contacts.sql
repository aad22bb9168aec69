-- contacts.csv: a contact agrees with its event (same person) and its requirement (same
-- event), and was arranged on or before the day it takes place.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'event_id', 100, format('No event %s has been imported: import events.csv first', r.event_id)
from import_rows r
where r.event_id is not null and not exists (select 1 from event e where e.event_id = r.event_id)
union all
select r.row_no, 'crn', 100,
       format('Event %s is for CRN %s, not %s: a contact''s crn must be its event''s crn', r.event_id, e.crn, r.crn)
from import_rows r join event e on e.event_id = r.event_id
where r.crn is not null and e.crn <> r.crn
union all
select r.row_no, 'requirement_id', 100,
       case when q.requirement_id is null
            then format('No requirement %s has been imported: import requirements.csv first', r.requirement_id)
            else format('Requirement %s is of event %s, not %s: it must be a requirement of the contact''s event',
                        r.requirement_id, q.event_id, r.event_id) end
from import_rows r left join requirement q on q.requirement_id = r.requirement_id
where r.requirement_id is not null
  and (q.requirement_id is null or (r.event_id is not null and q.event_id <> r.event_id))
union all
select r.row_no, 'staff_code', 100, format('No staff %s has been imported: import staff.csv first', r.staff_code)
from import_rows r
where r.staff_code is not null and not exists (select 1 from staff s where s.staff_code = r.staff_code)
union all
select r.row_no, 'arranged_on', 100,
       format('arranged_on %s is after the contact date %s: an appointment is arranged on or before its day',
              r.arranged_on, r.contact_at::date)
from import_rows r
where r.arranged_on > r.contact_at::date;
