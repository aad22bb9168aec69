-- requirements.csv: each requirement is of an imported event.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'event_id', 100, format('No event %s has been imported: import events.csv first', r.event_id)
from import_rows r
where r.event_id is not null and not exists (select 1 from case_event e where e.event_id = r.event_id)
union all
select r.row_no, 'termination_reason', 100, 'A terminated requirement needs a termination_reason'
from import_rows r join import_staging s on s.row_no = r.row_no
where r.termination_date is not null and s.termination_reason is null
union all
select r.row_no, 'event_id', 101,
       format('Requirement %s has contacts of event %s: a requirement cannot move to another event', r.requirement_id, c.event_id)
from import_rows r
join lateral (select c.event_id from case_contact c where c.requirement_id = r.requirement_id and c.event_id <> r.event_id limit 1) c on true
where r.event_id is not null;
