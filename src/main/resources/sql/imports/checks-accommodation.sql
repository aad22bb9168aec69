-- accommodation.csv: accommodation on release, so of a LICENCE or post-sentence
-- supervision event.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'event_id', 100,
       case when e.event_id is null then format('No event %s has been imported: import events.csv first', r.event_id)
            else format('Event %s is a %s: accommodation on release is of a LICENCE or POST_SENTENCE_SUPERVISION event',
                        r.event_id, e.event_type) end
from import_rows r left join case_event e on e.event_id = r.event_id
where r.event_id is not null
  and (e.event_id is null or e.event_type not in ('LICENCE', 'POST_SENTENCE_SUPERVISION'));
