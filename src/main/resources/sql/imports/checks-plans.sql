-- plans.csv: each plan is of an imported event.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'event_id', 100, format('No event %s has been imported: import events.csv first', r.event_id)
from import_rows r
where r.event_id is not null and not exists (select 1 from case_event e where e.event_id = r.event_id);
