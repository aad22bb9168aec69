-- referrals.csv: breach of a community order, SSO or post-sentence supervision; recall
-- from licence.
insert into import_error (row_no, col, ord, message)
select r.row_no, 'event_id', 100, format('No event %s has been imported: import events.csv first', r.event_id)
from import_rows r
where r.event_id is not null and not exists (select 1 from case_event e where e.event_id = r.event_id)
union all
select r.row_no, 'referral_type', 100,
       case r.referral_type
            when 'BREACH' then format('Event %s is a %s: a BREACH is of a COMMUNITY_ORDER, SUSPENDED_SENTENCE_ORDER or POST_SENTENCE_SUPERVISION event', e.event_id, e.event_type)
            else format('Event %s is a %s: a RECALL is of a LICENCE event', e.event_id, e.event_type) end
from import_rows r join case_event e on e.event_id = r.event_id
where (r.referral_type = 'BREACH' and e.event_type not in ('COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'POST_SENTENCE_SUPERVISION'))
   or (r.referral_type = 'RECALL' and e.event_type <> 'LICENCE');
